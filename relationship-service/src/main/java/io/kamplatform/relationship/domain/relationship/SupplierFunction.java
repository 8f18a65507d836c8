package io.kamplatform.relationship.domain.relationship;

/** The supplier functions taking part in an interaction: several of them make the relationship multi-functional. */
public enum SupplierFunction {
    SALES, TECHNICAL, SERVICE, FINANCE, MANAGEMENT, LOGISTICS, MARKETING, PRODUCT, OTHER
}
