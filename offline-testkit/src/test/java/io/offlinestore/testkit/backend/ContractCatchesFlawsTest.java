package io.offlinestore.testkit.backend;

import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import io.offlinestore.spi.StorageBackend;
import io.offlinestore.testkit.backend.ReferenceBackend.Flaw;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs single checks of the contract against a {@link ReferenceBackend} with one {@link Flaw} and
 * expects each to fail: the checks can fail, and fail for the bug they are about. (The same checks
 * pass on the flawless backend in {@link ReferenceBackendContractTest}.)
 */
class ContractCatchesFlawsTest {

    static Stream<Arguments> flawsAndTheChecksThatCatchThem() {
        return Stream.of(
                arguments(Flaw.SIGNED_ORDER, StorageBackendContract.KeyOrder.class, "keysSortAsUnsignedBytesShorterPrefixFirst"),
                arguments(Flaw.SIGNED_ORDER, StorageBackendContract.Scans.class, "prefixOfOnlyFfBytes"),
                arguments(Flaw.EXCLUSIVE_AS_INCLUSIVE, StorageBackendContract.Scans.class, "exclusiveBounds"),
                arguments(Flaw.EXCLUSIVE_AS_INCLUSIVE, StorageBackendContract.Scans.class, "emptyRanges"),
                arguments(Flaw.SHARED_ARRAYS, StorageBackendContract.Copies.class, "changingAValueReturnedByGetChangesNothing"),
                arguments(Flaw.SHARED_ARRAYS, StorageBackendContract.Copies.class, "changingAScannedEntryChangesNothing"),
                arguments(Flaw.SHARED_ARRAYS, StorageBackendContract.Copies.class, "changingTheArraysOfAnAppliedBatchChangesNothing"),
                arguments(Flaw.EMPTY_VALUE_AS_ABSENT, StorageBackendContract.Values.class, "anEmptyValueIsStoredNotAbsent"),
                arguments(Flaw.WRITES_IN_PLACE, StorageBackendContract.ReadsAndWrites.class, "aBatchWritingAnUnknownKeyspaceAppliesNothing"),
                arguments(Flaw.WRITES_IN_PLACE, StorageBackendContract.ReadsAndWrites.class, "aBatchNamingAnInvalidKeyspaceAppliesNothing"),
                arguments(Flaw.WRITES_IN_PLACE, StorageBackendContract.Concurrency.class, "readersNeverSeePartOfABatch"),
                arguments(Flaw.FORGETS_ON_CLOSE, StorageBackendContract.Persistence.class, "entriesAndKeyspacesSurviveReopening"),
                arguments(Flaw.FORGETS_ON_CLOSE, StorageBackendContract.Persistence.class, "aDroppedAndRecreatedKeyspaceSurvivesReopening"),
                arguments(Flaw.FORGETS_ON_CLOSE, StorageBackendContract.Persistence.class, "writesAfterReopeningSurviveTheNextReopening"),
                arguments(Flaw.LIVE_CURSORS, StorageBackendContract.SnapshotCursors.class, "aCursorDoesNotSeeWritesMadeAfterItOpened"),
                arguments(Flaw.LIVE_CURSORS, StorageBackendContract.SnapshotCursors.class, "aPartlyReadCursorKeepsItsSnapshot"),
                arguments(Flaw.USABLE_AFTER_CLOSE, StorageBackendContract.Lifecycle.class, "aClosedBackendRefusesEveryCall"));
    }

    @ParameterizedTest(name = "{0} fails {1}.{2}")
    @MethodSource("flawsAndTheChecksThatCatchThem")
    void theCheckFailsOnTheFlawedBackend(Flaw flaw, Class<?> group, String check) {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectNestedMethod(List.of(contractWith(flaw)), group, check))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).failed(1));
    }

    private static Class<? extends FlawedBackendContract> contractWith(Flaw flaw) {
        switch (flaw) {
            case SIGNED_ORDER: return SignedOrder.class;
            case EXCLUSIVE_AS_INCLUSIVE: return ExclusiveAsInclusive.class;
            case SHARED_ARRAYS: return SharedArrays.class;
            case EMPTY_VALUE_AS_ABSENT: return EmptyValueAsAbsent.class;
            case WRITES_IN_PLACE: return WritesInPlace.class;
            case FORGETS_ON_CLOSE: return ForgetsOnClose.class;
            case LIVE_CURSORS: return LiveCursors.class;
            case USABLE_AFTER_CLOSE: return UsableAfterClose.class;
            default: throw new AssertionError(flaw);
        }
    }

    /** The contract over a reference backend with one flaw. */
    abstract static class FlawedBackendContract extends StorageBackendContract {
        private final Flaw flaw;

        FlawedBackendContract(Flaw flaw) {
            this.flaw = flaw;
        }

        @Override
        protected StorageBackend openBackend(Path directory) {
            return new ReferenceBackend(directory, Set.of(flaw));
        }
    }

    static class SignedOrder extends FlawedBackendContract {
        SignedOrder() {
            super(Flaw.SIGNED_ORDER);
        }
    }

    static class ExclusiveAsInclusive extends FlawedBackendContract {
        ExclusiveAsInclusive() {
            super(Flaw.EXCLUSIVE_AS_INCLUSIVE);
        }
    }

    static class SharedArrays extends FlawedBackendContract {
        SharedArrays() {
            super(Flaw.SHARED_ARRAYS);
        }
    }

    static class EmptyValueAsAbsent extends FlawedBackendContract {
        EmptyValueAsAbsent() {
            super(Flaw.EMPTY_VALUE_AS_ABSENT);
        }
    }

    static class WritesInPlace extends FlawedBackendContract {
        WritesInPlace() {
            super(Flaw.WRITES_IN_PLACE);
        }
    }

    static class ForgetsOnClose extends FlawedBackendContract {
        ForgetsOnClose() {
            super(Flaw.FORGETS_ON_CLOSE);
        }
    }

    static class LiveCursors extends FlawedBackendContract {
        LiveCursors() {
            super(Flaw.LIVE_CURSORS);
        }
    }

    static class UsableAfterClose extends FlawedBackendContract {
        UsableAfterClose() {
            super(Flaw.USABLE_AFTER_CLOSE);
        }
    }
}
