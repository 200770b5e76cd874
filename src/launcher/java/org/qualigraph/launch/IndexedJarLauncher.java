package org.qualigraph.launch;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.Manifest;
import org.springframework.boot.loader.jar.NestedJarFile;
import org.springframework.boot.loader.launch.Archive;
import org.springframework.boot.loader.launch.JarLauncher;
import org.springframework.boot.loader.launch.LaunchedClassLoader;
import org.springframework.boot.loader.net.protocol.nested.NestedLocation;

/**
 * The jar's {@code Main-Class}: Spring Boot's {@link JarLauncher} with a class loader that knows, from one pass over
 * the nested jars' entry lists at start, which of them holds a class or resource.
 *
 * <p>Spring Boot's loader is a {@link java.net.URLClassLoader} over the 330-odd jars in {@code BOOT-INF/lib}: every
 * class, and every resource, is looked for jar by jar in class-path order, each try building a URL and opening a
 * connection; a name no jar holds (Spring's and the libraries' "is this class present?" probes, missing resources)
 * costs a try in every jar. Profiling the start (JFR) put about 30% of the Java time of {@code java -jar} there. This
 * loader goes straight to the jars whose entry list holds the name, in class-path order, and answers a name no jar
 * holds at once. Names it cannot map plainly (directories, names with characters a URL must encode) and any entry that
 * cannot be opened where the index put it go the ordinary way, so what is found is what Spring Boot's loader finds.
 * Classes are defined as {@link java.net.URLClassLoader} defines them from such jars: code source the jar's class-path
 * URL, no code signers (what its URL-connection lookup gives for nested jars too).
 *
 * <p>This class is compiled by the build against the loader in the packaged jar and put at the jar's root (pom.xml,
 * step {@code slim-natives}); it is not on the application's own class path.
 */
public class IndexedJarLauncher extends JarLauncher {

    public IndexedJarLauncher() throws Exception {
        super();
    }

    public static void main(String[] args) throws Exception {
        new IndexedJarLauncher().launch(args);
    }

    @Override
    protected ClassLoader createClassLoader(Collection<URL> urls) throws Exception {
        URL[] array = urls.toArray(new URL[0]);
        Map<String, Object> index = index(array);
        if (index == null || isExploded()) {
            return super.createClassLoader(urls);
        }
        return new IndexedClassLoader(getArchive(), array, getClass().getClassLoader(), index);
    }

    /** Entry name to the class-path URL (or URL[] in class-path order) holding it; null when a URL is not nested. */
    static Map<String, Object> index(URL[] urls) {
        Map<String, Object> index = new HashMap<>(1 << 17);
        for (URL url : urls) {
            String spec = url.toString();
            if (!spec.startsWith("jar:nested:") || !spec.endsWith("!/")) {
                return null;
            }
            try {
                NestedLocation location = NestedLocation.fromUrl(new URL(spec.substring(4, spec.length() - 2)));
                try (NestedJarFile jar = new NestedJarFile(location.path().toFile(), location.nestedEntryName(),
                        Runtime.version())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        add(index, entries.nextElement().getName(), url);
                    }
                    jar.versionedStream().forEach(entry -> add(index, entry.getName(), url));
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return index;
    }

    private static void add(Map<String, Object> index, String name, URL url) {
        if (name.isEmpty() || name.endsWith("/")) {
            return;
        }
        Object present = index.putIfAbsent(name, url);
        if (present == null || present == url) {
            return;
        }
        if (present instanceof URL single) {
            index.put(name, new URL[] { single, url });
            return;
        }
        URL[] several = (URL[]) present;
        if (several[several.length - 1] == url) {
            return;
        }
        URL[] more = java.util.Arrays.copyOf(several, several.length + 1);
        more[several.length] = url;
        index.put(name, more);
    }

    static final class IndexedClassLoader extends LaunchedClassLoader {

        static {
            ClassLoader.registerAsParallelCapable();
        }

        private final Map<String, Object> index;
        private final Map<URL, Object> manifests = new ConcurrentHashMap<>();

        IndexedClassLoader(Archive archive, URL[] urls, ClassLoader parent, Map<String, Object> index) {
            super(false, archive, urls, parent);
            this.index = index;
        }

        /** Plain names only: no directories, nothing a URL would encode differently. */
        private static boolean plain(String name) {
            if (name.isEmpty() || name.charAt(0) == '/' || name.endsWith("/")) {
                return false;
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/'
                        || c == '.' || c == '_' || c == '$' || c == '-';
                if (!ok || (c == '.' && i > 0 && name.charAt(i - 1) == '.')) {
                    return false;
                }
            }
            return true;
        }

        private URL[] holders(String name) {
            Object found = index.get(name);
            if (found == null) {
                return new URL[0];
            }
            return found instanceof URL single ? new URL[] { single } : (URL[]) found;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            String path = name.replace('.', '/').concat(".class");
            if (!plain(path)) {
                return super.findClass(name);
            }
            URL[] holders = holders(path);
            if (holders.length == 0) {
                throw new ClassNotFoundException(name);
            }
            for (URL jar : holders) {
                Class<?> defined = define(name, path, jar);
                if (defined != null) {
                    return defined;
                }
            }
            return super.findClass(name);
        }

        private Class<?> define(String name, String path, URL jar) {
            byte[] bytes;
            try {
                URLConnection connection = new URL(jar, path).openConnection();
                connection.setUseCaches(true);
                try (InputStream in = connection.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                definePackageOf(name, jar, connection);
            } catch (IOException e) {
                return null;
            }
            return defineClass(name, bytes, 0, bytes.length, new CodeSource(jar, (CodeSigner[]) null));
        }

        private void definePackageOf(String className, URL jar, URLConnection connection) throws IOException {
            int dot = className.lastIndexOf('.');
            if (dot < 0) {
                return;
            }
            String packageName = className.substring(0, dot);
            if (getDefinedPackage(packageName) != null) {
                return;
            }
            Object manifest = manifests.get(jar);
            if (manifest == null) {
                Manifest read = connection instanceof JarURLConnection jarConnection ? jarConnection.getManifest() : null;
                manifest = read != null ? read : Boolean.FALSE;
                manifests.put(jar, manifest);
            }
            try {
                if (manifest instanceof Manifest found) {
                    definePackage(packageName, found, jar);
                } else {
                    definePackage(packageName, null, null, null, null, null, null, null);
                }
            } catch (IllegalArgumentException raced) {
                if (getDefinedPackage(packageName) == null) {
                    throw raced;
                }
            }
        }

        @Override
        public URL findResource(String name) {
            if (!plain(name)) {
                return super.findResource(name);
            }
            URL[] holders = holders(name);
            if (holders.length == 0) {
                return null;
            }
            try {
                return new URL(holders[0], name);
            } catch (IOException e) {
                return super.findResource(name);
            }
        }

        @Override
        public Enumeration<URL> findResources(String name) throws IOException {
            if (!plain(name)) {
                return super.findResources(name);
            }
            URL[] holders = holders(name);
            if (holders.length == 0) {
                return Collections.emptyEnumeration();
            }
            List<URL> found = new ArrayList<>(holders.length);
            for (URL jar : holders) {
                found.add(new URL(jar, name));
            }
            return Collections.enumeration(found);
        }
    }
}
