package org.dlspark.run;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The most memory a run's processes held: the driver's (the JVM that ran the job) and the largest of its executors'
 * (absent when the run had none apart from the driver: one JVM, or Spark's local mode). Resident bytes count
 * everything the process held in RAM, ND4J's off-heap arrays included; heap bytes only the JVM heap in use.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeakMemory(Long driverResidentBytes, long driverHeapBytes, Long executorResidentBytes,
        Long executorHeapBytes) {

    /** This JVM's peaks so far, with no separate executors. */
    public static PeakMemory ofThisJvm() {
        return new PeakMemory(ProcessMemory.peakResidentBytes(), ProcessMemory.peakHeapBytes(), null, null);
    }

    /** This JVM's peaks so far as the driver, with the executors' peaks. */
    public PeakMemory withExecutors(Long residentBytes, Long heapBytes) {
        return new PeakMemory(driverResidentBytes, driverHeapBytes, residentBytes, heapBytes);
    }
}
