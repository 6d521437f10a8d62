package de.wahlwerk.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.setup.SetupChanged;
import org.postgresql.PGNotification;
import org.postgresql.core.Notification;
import org.junit.jupiter.api.Test;

/** When the listener makes the tallies read the confirmations again, and when its own echo does not. */
class ReportNotificationsTest {

    private static final String SELF = "node-a";

    private static PGNotification heard(String channel, String payload) {
        return new Notification(channel, 4711, payload);
    }

    @Test
    void nothingHeardWithinThePollCatchesUpForALostNotification() {
        assertThat(ReportNotifications.needsCatchUp(null, SELF)).isTrue();
        assertThat(ReportNotifications.needsCatchUp(new PGNotification[0], SELF)).isTrue();
    }

    @Test
    void onlyThisNodesOwnConfirmationsAreNotReadAgain() {
        assertThat(ReportNotifications.needsCatchUp(new PGNotification[] {
                heard(ReportNotifications.CHANNEL, SELF), heard(ReportNotifications.CHANNEL, SELF)}, SELF)).isFalse();
    }

    @Test
    void anotherNodesConfirmationAmongOwnOnesIsRead() {
        assertThat(ReportNotifications.needsCatchUp(new PGNotification[] {
                heard(ReportNotifications.CHANNEL, SELF), heard(ReportNotifications.CHANNEL, "node-b")}, SELF)).isTrue();
        // A node of an older version sends no payload: its confirmations are read too.
        assertThat(ReportNotifications.needsCatchUp(new PGNotification[] {heard(ReportNotifications.CHANNEL, "")}, SELF))
                .isTrue();
    }

    @Test
    void aSetUpChangeIsAlwaysFollowedByACatchUp() {
        assertThat(ReportNotifications.needsCatchUp(new PGNotification[] {heard(SetupChanged.CHANNEL, "12")}, SELF))
                .isTrue();
    }
}
