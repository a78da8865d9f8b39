package io.offlinestore.sync;

/**
 * Carries out operations of one type when the queue runs them. The operation's
 * {@link Operation#id() id} is stable across attempts and restarts: send it as an idempotency key
 * so that the remote end applies a replayed operation once.
 */
@FunctionalInterface
public interface OperationHandler {

    /**
     * Runs one attempt of the operation ({@link Operation#attempts()} tells which).
     *
     * @return what the queue should do next; a thrown exception counts as {@link Outcome#retry}
     */
    Outcome handle(Operation operation) throws Exception;
}
