package de.wahlwerk.server.setup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the other nodes on the same database of a structural change, in the transaction of the
 * change (PostgreSQL delivers the notification at its commit, never for a rollback): every node
 * keeps its own live tallies, and each must build them again ({@link SetupChanged}).
 */
@Component
class SetupNotifications {

    private final JdbcClient jdbc;

    SetupNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void notifyNodes(SetupChanged changed) {
        jdbc.sql("select pg_notify('" + SetupChanged.CHANNEL + "', :d)").param("d", Long.toString(changed.dayId())).query().singleRow();
    }
}
