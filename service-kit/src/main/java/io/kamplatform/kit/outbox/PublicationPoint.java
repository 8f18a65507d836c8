package io.kamplatform.kit.outbox;

/**
 * A place in publication order: the writing transaction's id (xid8, carried as its decimal text) and the row's
 * position. Rows are published in (transaction id, position) order. Never compare the text of transaction ids: it
 * does not sort like the number ("100000" &lt; "99999"), which is exactly how an earlier relay skipped committed
 * events. In SQL compare {@code (transaction_id, position) > ($1::text::xid8, $2)}; in Java use {@link #earliest}.
 */
public record PublicationPoint(String transactionId, long position) {

    /** Before every row. */
    public static final PublicationPoint START = new PublicationPoint("0", 0);

    /** The earlier of two points, comparing transaction ids as the unsigned 64-bit numbers they are. */
    public static PublicationPoint earliest(PublicationPoint a, PublicationPoint b) {
        int byTransaction = Long.compareUnsigned(Long.parseUnsignedLong(a.transactionId()),
                Long.parseUnsignedLong(b.transactionId()));
        int order = byTransaction != 0 ? byTransaction : Long.compare(a.position(), b.position());
        return order <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "(" + transactionId + ", " + position + ")";
    }
}
