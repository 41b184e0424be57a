package dev.provisioning.deploy.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Supplier;

/**
 * Runs a test resource's start-up in the copy of its class that the system class loader holds.
 * Quarkus loads test resources in a class loader per test profile and closes it when the profile's
 * tests end; a server started there would be started again for the next profile, and its threads
 * would outlive the loader they load classes from. The system class loader's copy is one per JVM
 * and never closed. Values crossing the boundary are JDK types only.
 */
final class OnePerJvm {

    private OnePerJvm() {
    }

    /**
     * Calls {@code owner.method(argument)} on the system class loader's copy of {@code owner}, or
     * {@code here} when this already is that copy or the system class path lacks it.
     */
    @SuppressWarnings("unchecked")
    static <T> T call(Class<?> owner, String method, String argument, Supplier<T> here) {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        if (owner.getClassLoader() == system) {
            return here.get();
        }
        Class<?> shared;
        try {
            shared = Class.forName(owner.getName(), true, system);
        } catch (ClassNotFoundException e) {
            return here.get();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Server threads inherit the context loader: it must be the one that is never closed.
        thread.setContextClassLoader(system);
        try {
            Method target = argument == null
                    ? shared.getDeclaredMethod(method)
                    : shared.getDeclaredMethod(method, String.class);
            target.setAccessible(true);
            return (T) (argument == null ? target.invoke(null) : target.invoke(null, argument));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + owner.getName() + "." + method + " on the system class loader", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
