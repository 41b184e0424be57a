package dev.provisioning.digitaloceanagent;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Collects the spans of the test application in memory (exporter {@code cdi} picks up every SpanExporter bean). */
@Singleton
public class InMemorySpans {

    @Produces
    @Singleton
    @Unremovable
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
