package org.kanpde.net.parallel;

/** Work on one chunk [start, end) of a range of points. */
@FunctionalInterface
public interface ChunkTask {
    /**
     * @param chunk  index of the chunk (chunks are numbered in range order)
     * @param start  first point of the chunk
     * @param end    one past the last point
     * @param worker index of the worker running it, 0 .. threads-1: use it to pick per-thread scratch
     *               (unique among the threads of one {@link ParallelRunner#run} call and the calls
     *               nested in it, not across independent concurrent calls)
     */
    void run(int chunk, int start, int end, int worker);
}
