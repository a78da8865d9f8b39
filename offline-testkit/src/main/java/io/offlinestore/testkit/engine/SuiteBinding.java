package io.offlinestore.testkit.engine;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Hands a contract running as a nested group of an {@link EngineContract} the suite instance
 * enclosing it, so that the backend's one {@code configure} serves every group.
 */
final class SuiteBinding implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        Object test = context.getRequiredTestInstance();
        if (test instanceof EngineContractSupport contract) {
            context.getRequiredTestInstances().findInstance(EngineContract.class).ifPresent(contract::bind);
        }
    }
}
