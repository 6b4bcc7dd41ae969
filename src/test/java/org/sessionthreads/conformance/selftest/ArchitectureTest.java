package org.sessionthreads.conformance.selftest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
            .and().resideOutsideOfPackages(BASE + ".client..", BASE + ".refserver..", BASE + ".selftest..")
            .should().dependOnClassesThat().resideInAnyPackage("io.restassured..", "java.net.http..");

    @ArchTest
    static final ArchRule only_the_schema_package_uses_the_validator = noClasses()
            .that().resideInAPackage(BASE + "..").and().resideOutsideOfPackage(BASE + ".schema..")
            .should().dependOnClassesThat().resideInAPackage("com.networknt..");

    @ArchTest
    static final ArchRule only_the_report_package_uses_allure = noClasses()
            .that().resideInAPackage(BASE + "..").and().resideOutsideOfPackage(BASE + ".report..")
            .should().dependOnClassesThat().resideInAPackage("io.qameta.allure..");

    @ArchTest
    static final ArchRule only_events_use_awaitility = noClasses()
            .that().resideInAPackage(BASE + "..")
            .and().resideOutsideOfPackages(BASE + ".events..", BASE + ".selftest..", BASE + ".refserver..")
            .should().dependOnClassesThat().resideInAPackage("org.awaitility..");

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

    @ArchTest
    static final ArchRule nobody_sleeps_outside_the_reference_server = noClasses()
            .that().resideInAPackage(BASE + "..").and().resideOutsideOfPackage(BASE + ".refserver..")
            .should().callMethod(Thread.class, "sleep", long.class);

    @ArchTest
    static final ArchRule no_one_reads_the_environment_outside_config = noClasses()
            .that().resideInAPackage(BASE + "..")
            .and().resideOutsideOfPackages(BASE + ".config..", BASE + ".refserver..", BASE + ".selftest..")
            .should().callMethod(System.class, "getenv", String.class)
            .orShould().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getProperty", String.class);

}
