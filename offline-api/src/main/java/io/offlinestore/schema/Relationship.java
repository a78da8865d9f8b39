package io.offlinestore.schema;

import io.offlinestore.ConfigurationException;
import java.util.Objects;

/**
 * A link from a collection to another, loaded with {@code include} and enforced on delete.
 * {@code oneToMany("orders", "orders", "user_id")} on {@code users}: a user's orders are the
 * documents of {@code orders} whose {@code user_id} is the user's id.
 * {@code manyToOne("user", "users", "user_id")} on {@code orders}: an order's user is the
 * {@code users} document whose id is the order's {@code user_id}. Foreign keys are indexed
 * automatically.
 *
 * @param name       the name results carry the related documents under
 * @param type       one-to-many or many-to-one
 * @param target     the related collection
 * @param foreignKey for one-to-many, the field of the target; for many-to-one, the field of this collection
 * @param onDelete   for one-to-many, what deleting a parent does to its children
 */
public record Relationship(String name, Type type, String target, String foreignKey, OnDelete onDelete) {

    /** The direction of a relationship. */
    public enum Type { ONE_TO_MANY, MANY_TO_ONE }

    public Relationship {
        if (name == null || !name.matches("[A-Za-z0-9_\\-]{1,64}")) {
            throw new ConfigurationException("relationship name '" + name + "' must be 1 to 64 letters, digits, '_' or '-'");
        }
        Objects.requireNonNull(type, "type");
        if (target == null || target.isBlank()) {
            throw new ConfigurationException("relationship '" + name + "' needs a target collection");
        }
        FieldPaths.require(foreignKey, "foreign key of relationship '" + name + "'");
        Objects.requireNonNull(onDelete, "onDelete");
        if (type == Type.MANY_TO_ONE && onDelete != OnDelete.NONE) {
            throw new ConfigurationException("relationship '" + name + "' is many-to-one; delete rules belong on the "
                    + "one-to-many side (the parent)");
        }
    }

    /** The parent's side: the target's documents whose {@code foreignKey} holds this document's id. */
    public static Relationship oneToMany(String name, String target, String foreignKey) {
        return new Relationship(name, Type.ONE_TO_MANY, target, foreignKey, OnDelete.NONE);
    }

    /** The child's side: the target document whose id this document holds in {@code foreignKey}. */
    public static Relationship manyToOne(String name, String target, String foreignKey) {
        return new Relationship(name, Type.MANY_TO_ONE, target, foreignKey, OnDelete.NONE);
    }

    /** This relationship with a delete rule (one-to-many only). */
    public Relationship onDelete(OnDelete rule) {
        return new Relationship(name, type, target, foreignKey, rule);
    }
}
