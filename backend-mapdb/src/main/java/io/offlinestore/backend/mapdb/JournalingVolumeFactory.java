package io.offlinestore.backend.mapdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mapdb.volume.FileChannelVol;
import org.mapdb.volume.MappedFileVol;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;

/**
 * The volumes MapDB's {@code StoreWAL} asks for: the store file, as a {@link JournaledVolume} over
 * a memory-mapped or file-channel volume, and its transaction logs, as {@link ScratchVolume}s.
 */
final class JournalingVolumeFactory extends VolumeFactory {
    private final String storeFile;
    private final Path journal;
    private final boolean durable;
    private final VolumeFactory fileVolumes;
    private JournaledVolume storeVolume;

    /**
     * @param storeFile the store file
     * @param journal   its journal, already recovered
     * @param durable   whether each commit forces the journal to disk
     * @param mmap      whether the store file is memory-mapped (else read and written through a file channel)
     */
    JournalingVolumeFactory(Path storeFile, Path journal, boolean durable, boolean mmap) {
        this.storeFile = storeFile.toString();
        this.journal = journal;
        this.durable = durable;
        // Unmapping on close (the "cleaner hack") releases the file at once; it is safe because the
        // backend closes the store only under its exclusive lock, when no read is under way. Pre-clearing
        // (not disabled) writes zeros when the file grows, so that a full disk fails there and not as
        // a SIGBUS on a later write to the mapping.
        this.fileVolumes = mmap ? new MappedFileVol.MappedFileFactory(true, false) : FileChannelVol.FACTORY;
    }

    @Override
    public Volume makeVolume(String file, boolean readOnly, long fileLockWait, int sliceShift, long initSize,
            boolean fixedSize) {
        if (!storeFile.equals(file)) {
            return new ScratchVolume();
        }
        Volume volume = fileVolumes.makeVolume(file, readOnly, fileLockWait, sliceShift, initSize, fixedSize);
        try {
            storeVolume = new JournaledVolume(volume, journal, durable);
            return storeVolume;
        } catch (IOException e) {
            volume.close();
            throw new UncheckedIOException("cannot open the store journal " + journal + ": " + e.getMessage(), e);
        }
    }

    /** The store file's volume, once MapDB has opened it. */
    JournaledVolume storeVolume() {
        return storeVolume;
    }

    @Override
    public boolean exists(String file) {
        return storeFile.equals(file) && Files.exists(Path.of(file));
    }

    @Override
    public boolean handlesReadonly() {
        return false;
    }
}
