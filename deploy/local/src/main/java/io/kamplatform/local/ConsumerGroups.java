package io.kamplatform.local;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;

/**
 * Makes the broker forget the members a dead service left in its consumer groups. Until their session times out
 * (10 s in our services, 45 s by default) the broker would keep their partitions, and a restarted service would
 * wait for them. Only called while no live instance of the service is in the group.
 */
final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** Removes all members of each group; a group that does not exist or is empty is fine. Returns how many. */
    static int forgetMembers(String bootstrapServers, Collection<String> groups) {
        if (groups.isEmpty()) {
            return 0;
        }
        int removed = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
            for (String group : groups) {
                try {
                    int members = admin.describeConsumerGroups(java.util.List.of(group)).all()
                            .get(5, TimeUnit.SECONDS).get(group).members().size();
                    if (members > 0) {
                        admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions())
                                .all().get(5, TimeUnit.SECONDS);
                        removed += members;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return removed;
                } catch (Exception e) {
                    // no such group, broker busy: the session timeout still cleans up, just later
                }
            }
        } catch (RuntimeException e) {
            // as above: an optimisation, never a reason to fail
        }
        return removed;
    }
}
