package io.kamplatform.reporting.support;

import io.kamplatform.local.KamInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real Kafka and PostgreSQL from deploy/local for every @QuarkusTest of this module (one application start). */
@QuarkusTestResource(value = KamInfraTestResource.class,
        initArgs = @ResourceArg(name = KamInfraTestResource.DATABASE, value = "reporting"))
public final class ReportingServiceInfra {
    private ReportingServiceInfra() {
    }
}
