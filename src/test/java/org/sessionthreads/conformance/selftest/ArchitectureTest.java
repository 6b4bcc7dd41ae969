package org.sessionthreads.conformance.selftest;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of docs/architecture.md: who may speak HTTP, validate schemas, write reports. */
@AnalyzeClasses(packages = "org.sessionthreads.conformance")
class ArchitectureTest {
    private static final String BASE = "org.sessionthreads.conformance";

    @ArchTest
    static final ArchRule only_the_client_speaks_http = noClasses()
            .that().resideInAPackage(BASE + "..")
            // why bench: RequestCostBenchmark measures the client against a bare java.net.http request
            .and().resideOutsideOfPackages(BASE + ".client..", BASE + ".refserver..", BASE + ".selftest..",
                    BASE + ".bench..")
            .should().dependOnClassesThat().resideInAnyPackage("io.restassured..", "java.net.http..");

    @ArchTest
    static final ArchRule only_the_schema_package_uses_the_validator = noClasses()
            .that().resideInAPackage(BASE + "..").and().resideOutsideOfPackage(BASE + ".schema..")
            .should().dependOnClassesThat().resideInAPackage("com.networknt..");

    @ArchTest
    static final ArchRule only_the_report_package_uses_allure = noClasses()
            .that().resideInAPackage(BASE + "..").and().resideOutsideOfPackage(BASE + ".report..")
            .should().dependOnClassesThat().resideInAPackage("io.qameta.allure..");

    /** Waits are built in {@code waits}; {@code events} and {@code race} compose the conditions of theirs. */
    @ArchTest
    static final ArchRule only_waits_events_and_race_use_awaitility = noClasses()
            .that().resideInAPackage(BASE + "..")
            .and().resideOutsideOfPackages(BASE + ".waits..", BASE + ".events..", BASE + ".race..",
                    BASE + ".selftest..", BASE + ".refserver..")
            .should().dependOnClassesThat().resideInAPackage("org.awaitility..");

    /**
     * One direction of dependencies between the harness's concepts, from the foundation up:
     * config, outcome, catalogue, schema ← waits, client ← assertions, events ← fixture ← race, audit, discovery ←
     * report, waiver ← baseline ← junit ← scenarios, runner. A back-edge (e.g. fixture importing events) fails
     * here.
     */
    @ArchTest
    static final ArchRule the_harness_is_layered = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage(BASE + "..")
            .layer("config").definedBy(BASE + ".config..")
            .layer("outcome").definedBy(BASE + ".outcome..")
            .layer("catalogue").definedBy(BASE + ".catalogue..")
            .layer("schema").definedBy(BASE + ".schema..")
            .layer("waits").definedBy(BASE + ".waits..")
            .layer("client").definedBy(BASE + ".client..")
            .layer("assertions").definedBy(BASE + ".assertions..")
            .layer("events").definedBy(BASE + ".events..")
            .layer("fixture").definedBy(BASE + ".fixture..")
            .layer("race").definedBy(BASE + ".race..")
            .layer("audit").definedBy(BASE + ".audit..")
            .layer("explore").definedBy(BASE + ".explore..")
            .layer("discovery").definedBy(BASE + ".discovery..")
            .layer("report").definedBy(BASE + ".report..")
            .layer("waiver").definedBy(BASE + ".waiver..")
            .layer("baseline").definedBy(BASE + ".baseline..")
            .layer("junit").definedBy(BASE + ".junit..")
            .layer("scenarios").definedBy(BASE + ".scenarios..")
            .layer("runner").definedBy(BASE + ".runner..")
            .whereLayer("config").mayNotAccessAnyLayer()
            .whereLayer("outcome").mayNotAccessAnyLayer()
            .whereLayer("catalogue").mayNotAccessAnyLayer()
            .whereLayer("schema").mayOnlyAccessLayers("config")
            .whereLayer("waits").mayOnlyAccessLayers("config")
            .whereLayer("client").mayOnlyAccessLayers("config", "waits")
            .whereLayer("assertions").mayOnlyAccessLayers("config", "client", "schema")
            .whereLayer("events").mayOnlyAccessLayers("config", "client", "schema", "waits")
            .whereLayer("fixture").mayOnlyAccessLayers("config", "outcome", "client", "schema", "waits")
            .whereLayer("race").mayOnlyAccessLayers("config", "client", "schema", "waits", "events", "fixture")
            .whereLayer("audit").mayOnlyAccessLayers("config", "client", "schema", "waits", "events", "fixture")
            .whereLayer("explore").mayOnlyAccessLayers("config", "outcome", "catalogue", "client", "schema", "waits",
                    "events", "fixture")
            .whereLayer("discovery").mayOnlyAccessLayers("config", "client", "schema", "waits", "fixture")
            .whereLayer("report").mayOnlyAccessLayers("config", "catalogue", "client", "schema", "discovery")
            .whereLayer("waiver").mayOnlyAccessLayers("config", "catalogue")
            .whereLayer("baseline").mayOnlyAccessLayers("config", "catalogue", "report")
            // why: the runner jar's CLI selects scenarios by requirement and reads the run's summary (docs/runner.md)
            .whereLayer("junit").mayOnlyBeAccessedByLayers("scenarios", "runner")
            .whereLayer("runner").mayNotBeAccessedByAnyLayer()
            // why: the project's own tests, doc generator and benchmarks look into every layer; they ship in no jar
            .ignoreDependency(resideInAnyPackage(BASE + ".selftest..", BASE + ".docs..", BASE + ".bench.."),
                    alwaysTrue());

    @ArchTest
    static final ArchRule nothing_but_self_tests_reaches_into_the_reference_server = noClasses()
            .that().resideInAPackage(BASE + "..")
            // why: docs renders the faults and variations tables from the enums (a project tool, not shipped)
            .and().resideOutsideOfPackages(BASE + ".refserver..", BASE + ".selftest..", BASE + ".docs..")
            .should().dependOnClassesThat().resideInAPackage(BASE + ".refserver..");

    @ArchTest
    static final ArchRule the_reference_server_knows_only_the_embedded_target_interface = noClasses()
            .that().resideInAPackage(BASE + ".refserver..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".client..", BASE + ".events..",
                    BASE + ".fixture..", BASE + ".junit..", BASE + ".assertions..", BASE + ".schema..",
                    BASE + ".report..", BASE + ".catalogue..", BASE + ".scenarios..");

    @ArchTest
    static final ArchRule scenarios_see_only_facades = noClasses()
            .that().resideInAPackage(BASE + ".scenarios..")
            .should().dependOnClassesThat().resideInAnyPackage("io.restassured..", "com.networknt..",
                    "org.awaitility..", "java.net.http..", BASE + ".refserver..", "tools.jackson..");

    /** Every way of sleeping or parking a thread; waits go through {@code waits} (Awaitility, or Pause). */
    @ArchTest
    static final ArchRule nobody_sleeps_or_parks_outside_waits = noClasses()
            .that().resideInAPackage(BASE + "..")
            // why: servers (the reference server, the one written from the docs alone) pace their answers
            .and().resideOutsideOfPackages(BASE + ".refserver..", BASE + ".waits..", BASE + ".selftest.independent..")
            // why: its fake servers must hang to be a hanging target (test code, in no jar)
            .and().doNotHaveSimpleName("ApiClientTransportTest")
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
            .orShould().callMethod(Thread.class, "sleep", java.time.Duration.class)
            .orShould().callMethodWhere(target(owner(assignableTo(java.util.concurrent.TimeUnit.class)))
                    .and(target(name("sleep"))))
            .orShould().callMethodWhere(target(owner(assignableTo(java.util.concurrent.locks.LockSupport.class)))
                    .and(target(nameMatching("park.*"))))
            .orShould().callMethodWhere(target(owner(type(Object.class))).and(target(name("wait"))));

    /**
     * JUnit refuses a blank report entry by throwing from the callback, which turns the scenario into an ERROR; the
     * one door, {@code junit.ReportEntries}, leaves empty values out.
     */
    @ArchTest
    static final ArchRule report_entries_are_published_through_one_door = noClasses()
            .that().resideInAPackage(BASE + "..").and().doNotHaveSimpleName("ReportEntries")
            .should().callMethodWhere(target(name("publishReportEntry")));

    @ArchTest
    static final ArchRule no_one_reads_the_environment_outside_config = noClasses()
            .that().resideInAPackage(BASE + "..")
            .and().resideOutsideOfPackages(BASE + ".config..", BASE + ".refserver..", BASE + ".selftest..")
            .should().callMethod(System.class, "getenv", String.class)
            .orShould().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getProperty", String.class);

}
