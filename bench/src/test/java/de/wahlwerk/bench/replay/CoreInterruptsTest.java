package de.wahlwerk.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoreInterruptsTest {

    private static final List<String> TWO_CORES = List.of(
            "           CPU0       CPU1       ",
            "  0:         33          0   IO-APIC   2-edge      timer",
            " 36:          0     421351 PCI-MSIX-0000:00:02.0   1-edge      virtio1-req.0",
            " 42:          5       8058 PCI-MSIX-0000:00:04.0   2-edge      virtio3-tx",
            "NMI:          0          0   Non-maskable interrupts",
            "LOC:      68034      67855   Local timer interrupts",
            "RES:      31498      27099   Rescheduling interrupts",
            "CAL:     215073     191752   Function call interrupts",
            "TLB:         10         12   TLB shootdowns",
            "ERR:          0",
            "MIS:          0");

    @Test
    void readsTheColumnOfTheCore() {
        assertThat(CoreInterrupts.parse(TWO_CORES, 0)).isEqualTo(new CoreInterrupts(215_083, 31_498, 33 + 0 + 5));
        assertThat(CoreInterrupts.parse(TWO_CORES, 1)).isEqualTo(new CoreInterrupts(191_764, 27_099, 0 + 421_351 + 8_058));
    }

    @Test
    void aCoreTheTextDoesNotHaveIsUnknown() {
        assertThat(CoreInterrupts.parse(TWO_CORES, 2)).isEqualTo(CoreInterrupts.UNKNOWN);
        assertThat(CoreInterrupts.parse(TWO_CORES, -1)).isEqualTo(CoreInterrupts.UNKNOWN);
        assertThat(CoreInterrupts.parse(List.of(), 0)).isEqualTo(CoreInterrupts.UNKNOWN);
        assertThat(CoreInterrupts.parse(TWO_CORES.subList(0, 6), 0)).as("no CAL or RES line").isEqualTo(CoreInterrupts.UNKNOWN);
    }

    @Test
    void countsSinceAnEarlierReading() {
        assertThat(new CoreInterrupts(150, 40, 900).since(new CoreInterrupts(100, 30, 500))).isEqualTo(new CoreInterrupts(50, 10, 400));
        assertThat(CoreInterrupts.UNKNOWN.since(new CoreInterrupts(1, 1, 1))).isEqualTo(CoreInterrupts.UNKNOWN);
        assertThat(new CoreInterrupts(1, 1, 1).since(CoreInterrupts.UNKNOWN)).isEqualTo(CoreInterrupts.UNKNOWN);
    }

    @Test
    void thisMachinesFirstCoreIsReadAndItsCountsDoNotFall() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/interrupts")),
                "no /proc/interrupts: not Linux");
        CoreInterrupts before = CoreInterrupts.of(0);
        CoreInterrupts after = CoreInterrupts.of(0);
        assertThat(before).isNotEqualTo(CoreInterrupts.UNKNOWN);
        assertThat(after.since(before).calls()).isNotNegative();
        assertThat(after.since(before).reschedules()).isNotNegative();
    }
}
