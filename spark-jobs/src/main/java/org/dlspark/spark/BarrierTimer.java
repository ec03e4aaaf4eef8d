package org.dlspark.spark;

import java.lang.reflect.Field;
import java.util.Timer;
import org.apache.spark.BarrierTaskContext$;

/**
 * Spark 3.5 keeps one {@link Timer} for every barrier task of a JVM ({@code BarrierTaskContext}'s companion), made
 * as a non-daemon thread: in local mode, where the tasks run in the driver's JVM, a program that trained with DLSpark
 * and returned from {@code main} never ended (later Spark versions use a daemon thread). This swaps it, once, for a
 * daemon timer of the same name.
 */
public final class BarrierTimer {

    private static boolean swapped;

    private BarrierTimer() {
    }

    /** Makes the barrier tasks' timer a daemon thread, so that it does not keep this JVM alive. */
    public static synchronized void daemonize() {
        if (swapped) {
            return;
        }
        swapped = true;
        for (Field field : BarrierTaskContext$.class.getDeclaredFields()) {
            if (field.getType() == Timer.class) {
                try {
                    field.setAccessible(true);
                    Timer old = (Timer) field.get(BarrierTaskContext$.MODULE$);
                    field.set(BarrierTaskContext$.MODULE$, new Timer("Barrier task timer for barrier() calls.", true));
                    old.cancel();
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // Another Spark: its timer is left as it is.
                    return;
                }
            }
        }
    }
}
