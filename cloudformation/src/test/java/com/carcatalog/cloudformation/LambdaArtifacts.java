package com.carcatalog.cloudformation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployable jars, each in a class loader of its own (parent: the platform loader), so a
 * handler is found only if the jar itself holds it and everything its signature names.
 */
final class LambdaArtifacts {

    static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
    static final String REQUEST_STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";

    private static final Map<Path, URLClassLoader> LOADERS = new HashMap<>();

    private LambdaArtifacts() {
    }

    static synchronized ClassLoader loader(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " does not exist: build it first (mvn -pl cloudformation -am verify builds the"
                    + " Lambda modules before these tests)");
        }
        return LOADERS.computeIfAbsent(jar, path -> {
            try {
                return new URLClassLoader(new URL[] {path.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Optional<Class<?>> load(Path jar, String className) {
        try {
            return Optional.of(Class.forName(className, false, loader(jar)));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    static boolean implementsStreamHandler(Class<?> handler) throws ClassNotFoundException {
        Class<?> stream = Class.forName(REQUEST_STREAM_HANDLER, false, handler.getClassLoader());
        return stream.isAssignableFrom(handler);
    }

    /** The type arguments (names) of the RequestHandler the class implements, if it does. */
    static Optional<List<String>> requestHandlerTypes(Class<?> handler) {
        for (Class<?> type = handler; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Type implemented : type.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType().getTypeName().equals(REQUEST_HANDLER)) {
                    return Optional.of(List.of(parameterized.getActualTypeArguments()).stream().map(Type::getTypeName).toList());
                }
            }
        }
        return Optional.empty();
    }

    static void closeAll() {
        LOADERS.values().forEach(loader -> {
            try {
                loader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        LOADERS.clear();
    }
}
