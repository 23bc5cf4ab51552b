package io.moldtank.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DESIGN.md's dependency rule holds for the real modules, and each rule is shown to catch a
 * planted violation in {@code io.moldtank.archfixture}.
 */
class ModuleRulesTest {

    static final String ROOT = "io.moldtank";
    static final String FIXTURE_ROOT = "io.moldtank.archfixture";

    private static final JavaClasses REAL = ModuleClasses.ofAllModules();
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(FIXTURE_ROOT);

    @Nested
    class TheRealModules {

        @Test
        void domainDependsOnlyOnTheJdk() {
            ModuleRules.domainDependsOnlyOnTheJdk(ROOT).check(REAL);
        }

        @Test
        void portsDependOnlyOnDomainAndTheJdk() {
            ModuleRules.portsDependOnlyOnDomainAndTheJdk(ROOT).check(REAL);
        }

        @Test
        void adaptersDependOnNeitherEachOtherNorApp() {
            ModuleRules.adaptersDependOnNeitherEachOtherNorApp(ROOT).check(REAL);
        }

        @Test
        void nothingButAppDependsOnApp() {
            ModuleRules.onlyAppDependsOnApp(ROOT).check(REAL);
        }

        @Test
        void theClientKnowsNothingOfTheServer() {
            ModuleRules.clientKnowsNothingOfTheServer(ROOT).check(REAL);
        }

        @TestFactory
        Stream<DynamicTest> everyClassOfAModuleLivesUnderItsPackage() {
            return Arrays.stream(Module.values()).map(module -> DynamicTest.dynamicTest(module.directory, () -> {
                JavaClasses classes = ModuleClasses.of(module);
                // The location was found on the classpath (ModuleClasses insists on exactly one), so an
                // empty import means the module truly has no classes yet (today: the adapters). Only
                // then may the rule match nothing; it bites from the module's first class on.
                ModuleRules.classesLiveUnderTheirModulePackage(module, ROOT)
                        .allowEmptyShould(classes.isEmpty())
                        .check(classes);
            }));
        }

        @Test
        void everyModuleIsFoundOnTheClasspathAndTheCoreModulesHaveClasses() {
            assertThat(ModuleClasses.locations()).containsOnlyKeys(Module.values());
            assertThat(ModuleClasses.of(Module.DOMAIN)).isNotEmpty();
            assertThat(ModuleClasses.of(Module.PORTS)).isNotEmpty();
            assertThat(ModuleClasses.of(Module.APP)).isNotEmpty();
            assertThat(ModuleClasses.of(Module.CLIENT)).isNotEmpty();
        }
    }

    @Nested
    class PlantedViolations {

        @Test
        void domainRuleCatchesDomainCodeUsingPortsOrALibrary() {
            assertReportsExactly(ModuleRules.domainDependsOnlyOnTheJdk(FIXTURE_ROOT),
                    "DomainViolationUsesPortsAndALibrary");
            assertThat(details(ModuleRules.domainDependsOnlyOnTheJdk(FIXTURE_ROOT)))
                    .anySatisfy(line -> assertThat(line).contains("org.slf4j.Logger"))
                    .anySatisfy(line -> assertThat(line).contains(FIXTURE_ROOT + ".ports.PlaceOrderPort"));
        }

        @Test
        void portsRuleCatchesAPortThatKnowsAnAdapter() {
            assertReportsExactly(ModuleRules.portsDependOnlyOnDomainAndTheJdk(FIXTURE_ROOT),
                    "PortsViolationKnowsAnAdapter");
        }

        @Test
        void adapterRuleCatchesAnAdapterUsingAnotherAdapterAndAnAdapterUsingApp() {
            // The ports violation reaches an adapter too, so this rule also reports it.
            assertReportsExactly(ModuleRules.adaptersDependOnNeitherEachOtherNorApp(FIXTURE_ROOT),
                    "AdapterViolationCallsAnotherAdapter", "AdapterViolationReadsAppWiring",
                    "PortsViolationKnowsAnAdapter");
        }

        @Test
        void clientRuleCatchesAClientClassUsingTheDomain() {
            assertReportsExactly(ModuleRules.clientKnowsNothingOfTheServer(FIXTURE_ROOT), "ClientViolationUsesTheDomain");
        }

        @Test
        void appRuleCatchesAnythingElseDependingOnApp() {
            assertReportsExactly(ModuleRules.onlyAppDependsOnApp(FIXTURE_ROOT), "AdapterViolationReadsAppWiring");
        }

        @Test
        void moduleLocationRuleCatchesAClassOutsideItsModulePackage() {
            // Treat every fixture class as if it came from the domain module's location.
            EvaluationResult result = ModuleRules.classesLiveUnderTheirModulePackage(Module.DOMAIN, FIXTURE_ROOT)
                    .evaluate(FIXTURES);

            assertThat(result.hasViolation()).isTrue();
            assertThat(String.join("\n", result.getFailureReport().getDetails()))
                    .contains(FIXTURE_ROOT + ".app.AppWiring", FIXTURE_ROOT + ".ports.PlaceOrderPort")
                    .doesNotContain(FIXTURE_ROOT + ".domain.Order ");
            ModuleRules.classesLiveUnderTheirModulePackage(Module.DOMAIN, FIXTURE_ROOT)
                    .check(new ClassFileImporter().importPackages(Module.DOMAIN.packageIn(FIXTURE_ROOT)));
        }

        @Test
        void rulesWithoutMatchingClassesFailInsteadOfPassingVacuously() {
            JavaClasses nothingRelevant = new ClassFileImporter().importClasses(String.class);

            assertThatThrownBy(() -> ModuleRules.domainDependsOnlyOnTheJdk(FIXTURE_ROOT).evaluate(nothingRelevant))
                    .hasMessageContaining("failed to check any classes");
            assertThatThrownBy(() -> ModuleRules.onlyAppDependsOnApp(FIXTURE_ROOT).evaluate(nothingRelevant))
                    .hasMessageContaining("failed to check any classes");
        }

        /** The rule fails, and every reported line originates in one of the named violation classes. */
        private void assertReportsExactly(ArchRule rule, String... violators) {
            List<String> details = details(rule);
            assertThat(details).isNotEmpty();
            assertThat(details).allSatisfy(line -> assertThat(originOf(line)).containsAnyOf(violators));
            for (String violator : violators) {
                assertThat(details).anySatisfy(line -> assertThat(originOf(line)).contains(violator));
            }
        }

        private List<String> details(ArchRule rule) {
            EvaluationResult result = rule.evaluate(FIXTURES);
            assertThat(result.hasViolation()).as("%s must fail on the planted violations", rule.getDescription())
                    .isTrue();
            return result.getFailureReport().getDetails();
        }

        private static String originOf(String detail) {
            Matcher first = Pattern.compile("<([^>]+)>").matcher(detail);
            return first.find() ? first.group(1) : detail;
        }
    }
}
