package io.github.enhance4j.testing;

import java.lang.reflect.Method;

/**
 * Bytes allocated on the heap by the current thread, from HotSpot's {@code com.sun.management.ThreadMXBean}. Found
 * by reflection because the api module's tests compile inside the module, which does not read java.management.
 */
public final class AllocationCounter {

    private static final Object BEAN;
    private static final Method ALLOCATED;

    static {
        Object bean = null;
        Method allocated = null;
        try {
            bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Class<?> hotspot = Class.forName("com.sun.management.ThreadMXBean");
            if (hotspot.isInstance(bean)
                    && (Boolean) hotspot.getMethod("isThreadAllocatedMemorySupported").invoke(bean)) {
                allocated = hotspot.getMethod("getCurrentThreadAllocatedBytes");
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            allocated = null; // another JVM: callers skip what needs the count
        }
        BEAN = bean;
        ALLOCATED = allocated;
    }

    private AllocationCounter() {
    }

    public static boolean supported() {
        return ALLOCATED != null;
    }

    /** Bytes allocated by this thread so far; only differences mean something. */
    public static long currentThread() {
        try {
            return (Long) ALLOCATED.invoke(BEAN);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
