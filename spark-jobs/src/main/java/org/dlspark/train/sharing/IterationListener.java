package org.dlspark.train.sharing;

/** Hears each iteration a worker finishes: the examples it fitted in it (0 when it had none left) and their loss. */
@FunctionalInterface
public interface IterationListener {

    /** Called once the iteration's update is applied. */
    void iterationDone(int examples, double loss);
}
