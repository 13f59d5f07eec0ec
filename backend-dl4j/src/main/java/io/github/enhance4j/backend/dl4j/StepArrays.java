package io.github.enhance4j.backend.dl4j;

import org.nd4j.autodiff.samediff.internal.memory.AbstractMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * SameDiff's memory manager for the trainer's gradient session: hands out arrays as SameDiff's own does, closes each
 * one SameDiff says it has finished with, and remembers the rest, so that the trainer can close them too once it has
 * read a graph call's results. SameDiff's default manager leaves arrays it still holds at the end of a call (forward
 * activations kept for the backward pass among them) to the garbage collector, which a small heap runs rarely: the
 * seed preset's resident memory swung between 4 and 12 GB. Not thread-safe: one per session, and a session serves
 * one thread.
 */
final class StepArrays extends AbstractMemoryMgr {

    /** Arrays handed out and not yet closed, by identity. */
    private final Set<INDArray> open = Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public INDArray allocate(boolean detached, DataType dataType, long... shape) {
        return track(Nd4j.createUninitialized(dataType, shape));
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor descriptor) {
        if (descriptor.isEmpty()) {
            return Nd4j.empty(descriptor.dataType());
        }
        return track(Nd4j.createUninitialized(descriptor.dataType(), descriptor.getShape(), descriptor.getOrder()));
    }

    private INDArray track(INDArray array) {
        open.add(array);
        return array;
    }

    /** Closes an array that SameDiff has finished with, if this manager handed it out. */
    @Override
    public void release(INDArray array) {
        if (open.remove(array)) {
            close(array);
        }
    }

    /** Closes every array handed out and still open, except {@code keep} (compared by identity). */
    void closeAllExcept(Collection<INDArray> keep) {
        Set<INDArray> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(keep);
        for (INDArray a : open) {
            if (!kept.contains(a)) {
                close(a);
            }
        }
        open.clear();
    }

    private static void close(INDArray array) {
        if (!array.wasClosed() && array.closeable()) {
            array.close();
        }
    }

    @Override
    public void close() {
        closeAllExcept(List.of());
    }
}
