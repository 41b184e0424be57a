package dev.provisioning.costservice.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class SecretRedactionFilterTests {

    private static final String TOKEN = "dop_v1_0123456789abcdef";

    private final SecretRedactionFilter filter = new SecretRedactionFilter(TOKEN, null, null, null);

    @Test
    void masksTheTokenInFormattedParameters() {
        ExtLogRecord record = new ExtLogRecord(Level.FINE, "API Request Headers:: {}",
                ExtLogRecord.FormatStyle.MESSAGE_FORMAT, getClass().getName());
        record.setMessage("API Request Headers:: {0}", ExtLogRecord.FormatStyle.MESSAGE_FORMAT);
        record.setParameters(new Object[] {"[Authorization: Bearer " + TOKEN + "]"});

        assertTrue(filter.isLoggable(record));
        assertEquals("API Request Headers:: [Authorization: Bearer [REDACTED]]", record.getFormattedMessage());
    }

    @Test
    void replacesExceptionsWhoseMessageCarriesTheToken() {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "request failed", getClass().getName());
        record.setThrown(new IllegalStateException("wrapper", new RuntimeException("bad token " + TOKEN)));

        assertTrue(filter.isLoggable(record));
        assertFalse(record.getThrown().getMessage().contains(TOKEN));
        assertTrue(record.getThrown().getMessage().contains("IllegalStateException"));
    }

    @Test
    void leavesOtherRecordsAlone() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "priced %s", ExtLogRecord.FormatStyle.PRINTF,
                getClass().getName());
        record.setParameters(new Object[] {"slice/us-east/droplet/a"});

        assertTrue(filter.isLoggable(record));
        assertEquals("priced slice/us-east/droplet/a", record.getFormattedMessage());
    }
}
