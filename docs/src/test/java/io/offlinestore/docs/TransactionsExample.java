package io.offlinestore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.Transaction;
import io.offlinestore.TransactionConflictException;
import org.junit.jupiter.api.Test;

/** The transactions guide's code, run as a test. */
class TransactionsExample {

    @Test
    void transactions() {
        try (OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("memory").transactionRetries(5).build())) {
            // region explicit
            try (Transaction tx = store.beginTransaction("users", "orders")) {
                tx.collection("users").create(Document.parse(
                        "{\"id\": \"user123\", \"name\": \"John Doe\", \"balance\": 100}"));
                tx.collection("orders").create(Document.parse(
                        "{\"id\": \"order456\", \"user_id\": \"user123\", \"total\": 99.99}"));
                tx.commit();
            } // closing a transaction that was not committed rolls it back
            // endregion explicit
            assertEquals(1, store.collection("orders").count());

            // region block
            store.inTransaction(tx -> {
                DocumentCollection users = tx.collection("users");
                Document user = users.get("user123").orElseThrow();
                users.update(user.with("balance", user.getInteger("balance") - 30));
            });
            int balance = store.callInTransaction(tx ->
                    tx.collection("users").get("user123").orElseThrow().getInteger("balance"));
            // endregion block
            assertEquals(70, balance);

            // region conflict
            Transaction first = store.beginTransaction("users");
            first.collection("users").patch("user123", Document.parse("{\"balance\": 0}"));
            store.collection("users").patch("user123", Document.parse("{\"balance\": 1}")); // another writer
            TransactionConflictException conflict = assertThrows(TransactionConflictException.class, first::commit);
            // conflict.collection() is "users", conflict.id() is "user123"; nothing of `first` was applied
            // endregion conflict
            assertEquals("user123", conflict.id());
            assertEquals(1, store.collection("users").get("user123").orElseThrow().getInteger("balance"));
        }
    }
}
