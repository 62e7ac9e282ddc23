package com.carcatalog.ingest.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.item.CarItems;
import com.carcatalog.ingest.IngestSettings;
import com.carcatalog.ingest.TestFiles;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.WorkflowJson;
import com.carcatalog.ingest.parse.ParseResult;
import com.carcatalog.ingest.parse.RejectedRow;
import com.carcatalog.ingest.parse.Rejections;
import com.carcatalog.ingest.plan.ChangePlan;
import com.carcatalog.ingest.upload.ValidationResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The upload an attacker found: a ZIP of under a megabyte whose one CSV holds a 900 MB line. It
 * passes validation (well-formed, UTF-8, a proper header, under every size limit), so the parse
 * step must read that line without ever holding it: the row is rejected with its line number, the
 * rows around it load, and the parse allocates a small fraction of the line's size.
 */
class OversizedRecordIT extends OnLocalServices {

    private static final int LINE_BYTES = 900_000_000;
    private static final String YARIS = "Toyota,Yaris,Passenger Car,Hatchback,1.0L I3,Petrol,Manual,NA";
    private static final String EV6 = "Kia,EV6,Passenger Car,SUV,77 kWh,Electric,Automatic,NA";

    @Test
    void aSmallZipHoldingA900MegabyteLineIsParsedInBoundedMemoryAndTheLineRejected() throws Exception {
        byte[] archive = zipWithHugeLine();
        assertThat(archive.length).as("compressed size").isLessThan(1_000_000);
        Upload upload = upload("incoming/bomb.zip", archive);
        LocalWorkflow workflow = new LocalWorkflow(config, s3, dynamoDb, IngestSettings.DEFAULTS);

        ValidationResult validation = workflow.validate("bomb-1", upload);
        assertThat(validation.valid()).as("the archive is well-formed and within every size limit").isTrue();
        long allocatedBefore = allocatedByThisThread();
        ParseResult parsed = workflow.parse("bomb-1", upload, validation);
        long allocated = allocatedByThisThread() - allocatedBefore;

        assertThat(allocated).as("bytes allocated while parsing a %d-byte line", LINE_BYTES).isLessThan(LINE_BYTES / 8);
        assertThat(parsed.totals().valid()).isEqualTo(2);
        Rejections rejections = WorkflowJson.MAPPER.readValue(workflow.read(parsed.rejected()), Rejections.class);
        assertThat(rejections.rows().details()).containsExactly(RejectedRow.row("cars.csv", 3,
                "the record is longer than 65536 characters (MAX_RECORD_LENGTH); it was skipped unread"));
        ChangePlan plan = workflow.plan("bomb-1", upload, parsed);
        workflow.chunks(plan).forEach(chunk -> workflow.writeChunk("bomb-1", plan.lease(), chunk));
        assertThat(dynamoDb.scan(b -> b.tableName(config.carsTable())).items())
                .extracting(item -> CarItems.fromItem(item).car())
                .containsExactlyInAnyOrder(car(YARIS), car(EV6));
    }

    /** header, a car, one line of 900,000,000 bytes, another car: about 880 KB deflated. */
    private static byte[] zipWithHugeLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("cars.csv"));
            zip.write(TestFiles.csv(YARIS).getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'x');
            zip.write("Toyota,".getBytes(StandardCharsets.UTF_8));
            for (long written = 7; written < LINE_BYTES; written += block.length) {
                zip.write(block, 0, (int) Math.min(block.length, LINE_BYTES - written));
            }
            zip.write(("\n" + EV6 + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static Car car(String row) {
        return Car.of(row.split(","));
    }
}
