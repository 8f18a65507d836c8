package io.kamplatform.account.support;

import io.kamplatform.local.KamInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Declares, once for every @QuarkusTest of this module, the real Kafka broker and PostgreSQL
 * database from deploy/local, so all test classes share one application start.
 */
@QuarkusTestResource(value = KamInfraTestResource.class,
        initArgs = @ResourceArg(name = KamInfraTestResource.DATABASE, value = "account"))
public final class AccountServiceInfra {
    private AccountServiceInfra() {
    }
}
