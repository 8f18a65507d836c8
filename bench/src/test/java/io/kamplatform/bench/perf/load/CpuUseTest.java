package io.kamplatform.bench.perf.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CpuUseTest {

    @Test
    void aClientBackendsTitleNamesItsDatabase() {
        assertEquals("reporting", CpuUse.database("postgres: postgres reporting 127.0.0.1(33214) idle in transaction "));
        assertEquals("account", CpuUse.database("postgres: kam account [local] INSERT"));
    }

    @Test
    void theServersOwnProcessesServeNoDatabase() {
        for (String title : new String[] {"postgres: checkpointer", "postgres: walwriter   ",
                "postgres: autovacuum worker reporting", "postgres: logical replication launcher",
                "postgres: parallel worker for PID 4242", "/usr/lib/postgresql/bin/postgres -D /data -p 5432"}) {
            assertNull(CpuUse.database(title), title);
        }
    }
}
