package io.moldtank.app.architecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * DESIGN.md's dependency rule, written as functions of a root package so the same rule runs
 * against the real code ({@code io.moldtank}) and against planted violations
 * ({@code io.moldtank.archfixture}).
 */
final class ModuleRules {

    private ModuleRules() {
    }

    /** domain depends on nothing but the JDK. */
    static ArchRule domainDependsOnlyOnTheJdk(String root) {
        return classes().that().resideInAPackage(Module.DOMAIN.packagesIn(root))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", Module.DOMAIN.packagesIn(root))
                .as("domain depends only on java.. and itself");
    }

    /** ports depend on domain and the JDK only. */
    static ArchRule portsDependOnlyOnDomainAndTheJdk(String root) {
        return classes().that().resideInAPackage(Module.PORTS.packagesIn(root))
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", Module.DOMAIN.packagesIn(root), Module.PORTS.packagesIn(root))
                .as("ports depend only on java.., domain and themselves");
    }

    /**
     * No adapter depends on another adapter or on app. Adapter layers are optional: a module with
     * no classes yet is simply absent, and the rule applies to it from its first class on.
     */
    static ArchRule adaptersDependOnNeitherEachOtherNorApp(String root) {
        LayeredArchitecture architecture = layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage(root + "..")
                .layer(Module.APP.directory).definedBy(Module.APP.packagesIn(root));
        for (Module adapter : Module.adapters()) {
            architecture = architecture.optionalLayer(adapter.directory).definedBy(adapter.packagesIn(root));
        }
        for (Module adapter : Module.adapters()) {
            architecture = architecture.whereLayer(adapter.directory).mayOnlyBeAccessedByLayers(Module.APP.directory);
        }
        return architecture.whereLayer(Module.APP.directory).mayNotBeAccessedByAnyLayer()
                .as("adapters depend on neither another adapter nor app");
    }

    /**
     * The client knows the server only by its wire format: it depends on the JDK, its small JSON library,
     * the YAML parser its CLI reads bounty files with, and itself; nothing of the server depends on it.
     */
    static ArchRule clientKnowsNothingOfTheServer(String root) {
        return classes().that().resideInAPackage(Module.CLIENT.packagesIn(root))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "org.json..",
                        "org.yaml.snakeyaml..", Module.CLIENT.packagesIn(root))
                .as("client depends only on java.., javax.crypto.., org.json.., org.yaml.snakeyaml.. and itself");
    }

    /** Nothing but app depends on app. */
    static ArchRule onlyAppDependsOnApp(String root) {
        return classes().that().resideInAPackage(Module.APP.packagesIn(root))
                .should().onlyHaveDependentClassesThat().resideInAPackage(Module.APP.packagesIn(root))
                .as("nothing but app depends on app");
    }

    /**
     * Every class of {@code module} lives under the module's package; evaluated on the classes
     * imported from that module's own classpath location, this makes the package rules above
     * module rules.
     */
    static ArchRule classesLiveUnderTheirModulePackage(Module module, String root) {
        return classes().should().resideInAPackage(module.packagesIn(root))
                .as("every class of module " + module.directory + " lives in " + module.packagesIn(root));
    }
}
