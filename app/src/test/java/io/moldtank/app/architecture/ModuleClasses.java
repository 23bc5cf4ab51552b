package io.moldtank.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds each module's main classes on the test classpath, by origin rather than by package:
 * {@code <module>/target/classes/} (IDE, compile-phase reactor) or {@code moldtank-<module>-<version>.jar}
 * (package-phase reactor, local repository). Test jars are not module code.
 */
final class ModuleClasses {

    private static final Map<Module, Location> LOCATIONS = locate();

    private ModuleClasses() {
    }

    static Location locationOf(Module module) {
        return LOCATIONS.get(module);
    }

    static Map<Module, Location> locations() {
        return Map.copyOf(LOCATIONS);
    }

    static JavaClasses of(Module module) {
        return new ClassFileImporter().importLocations(List.of(locationOf(module)));
    }

    /** The main classes of every module, and nothing else. */
    static JavaClasses ofAllModules() {
        return new ClassFileImporter().importLocations(LOCATIONS.values());
    }

    private static Map<Module, Location> locate() {
        Collection<Location> classPath = Locations.inClassPath();
        Map<Module, Location> found = new EnumMap<>(Module.class);
        for (Module module : Module.values()) {
            Pattern directory = Pattern.compile(".*/" + Pattern.quote(module.directory) + "/target/classes/?$");
            Pattern jar = Pattern.compile(".*/moldtank-" + Pattern.quote(module.directory)
                    + "-\\d[^/]*(?<!-tests)\\.jar(!/)?$");
            List<Location> matches = classPath.stream()
                    .filter(location -> {
                        String uri = location.asURI().toString();
                        return directory.matcher(uri).matches() || jar.matcher(uri).matches();
                    })
                    .toList();
            if (matches.size() != 1) {
                throw new IllegalStateException("expected exactly one classpath location for module "
                        + module.directory + ", found " + matches);
            }
            found.put(module, matches.get(0));
        }
        return found;
    }
}
