package com.carcatalog.coldstart.runtime;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

/**
 * A Lambda Java runtime for one invocation, in a JVM of its own: loads a function's jar in a class
 * loader that sees nothing else (as the runtime loads {@code /var/task}), constructs the handler,
 * turns the event on standard input into the handler's input with the serializer the Lambda runtime
 * uses (its event mix-ins for {@code S3Event}, API Gateway events and the like; Jackson otherwise),
 * invokes it once and writes the result as one line on standard output. Anything the function
 * prints (its logs, its metrics) goes to standard error, so the first line on standard output is the
 * response and its arrival is the end of the cold start.
 *
 * <p>{@code java -cp <this class and aws-lambda-java-serialization> ...SingleInvocation <jar> <handler>},
 * where handler is {@code class} or {@code class::method} as in a template's {@code Handler}. Exits 1
 * with the error on standard error when the function fails.
 */
public final class SingleInvocation {

    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    private static final String LOGGER = "com.amazonaws.services.lambda.runtime.LambdaLogger";
    private static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";
    private static final int REMAINING_MILLIS = 900_000;

    private SingleInvocation() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SingleInvocation <function jar> <handler class[::method]>  (event JSON on stdin)");
            System.exit(2);
        }
        PrintStream response = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        byte[] event = System.in.readAllBytes();
        try {
            byte[] result = invoke(Path.of(args[0]), args[1], event);
            for (byte b : result) {
                response.write(b == '\n' || b == '\r' ? ' ' : b);
            }
            response.write('\n');
            response.flush();
        } catch (InvocationTargetException e) {
            e.getCause().printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static byte[] invoke(Path jar, String handler, byte[] event) throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        String[] parts = handler.split("::", 2);
        Class<?> type = Class.forName(parts[0], true, loader);
        String methodName = parts.length == 2 ? parts[1] : "handleRequest";
        Object function = type.getConstructor().newInstance();
        Object context = context(loader, type.getSimpleName());
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        if (isStreamHandler(function, loader)) {
            Method method = type.getMethod(methodName, InputStream.class, OutputStream.class, Class.forName(CONTEXT, false, loader));
            method.invoke(function, new ByteArrayInputStream(event), output, context);
            return output.toByteArray();
        }
        Method method = handlerMethod(type, methodName);
        Object input = serializer(method.getParameterTypes()[0], loader).fromJson(new ByteArrayInputStream(event));
        Object result = method.invoke(function, input, context);
        serializer(result == null ? Object.class : result.getClass(), loader).toJson(result, output);
        return output.toByteArray();
    }

    /** The runtime knows the interface; a jar whose functions do not implement it may not hold it. */
    private static boolean isStreamHandler(Object function, ClassLoader loader) {
        try {
            return Class.forName(STREAM_HANDLER, false, loader).isInstance(function);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The handler's own method, not the bridge the compiler adds for {@code RequestHandler<I, O>}. */
    private static Method handlerMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == 2 && !m.isBridge())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " has no method " + name + "(input, Context)"));
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Class<?> type, ClassLoader loader) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
        }
        return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    }

    /** A Lambda context of the jar's own Context interface: a request id, a name, 15 minutes left. */
    private static Object context(ClassLoader loader, String functionName) throws ClassNotFoundException {
        Class<?> logger = Class.forName(LOGGER, false, loader);
        Object log = Proxy.newProxyInstance(loader, new Class<?>[] {logger}, (proxy, method, args) -> {
            if (method.getName().equals("log") && args != null && args.length > 0) {
                System.err.println(args[0] instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : args[0]);
            }
            return null;
        });
        String requestId = UUID.randomUUID().toString();
        return Proxy.newProxyInstance(loader, new Class<?>[] {Class.forName(CONTEXT, false, loader)}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getFunctionName", "getLogStreamName" -> functionName;
                    case "getLogGroupName" -> "/aws/lambda/" + functionName;
                    case "getFunctionVersion" -> "$LATEST";
                    case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
                    case "getRemainingTimeInMillis" -> REMAINING_MILLIS;
                    case "getMemoryLimitInMB" -> 1024;
                    case "getLogger" -> log;
                    case "toString" -> "Context[" + functionName + " " + requestId + "]";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
