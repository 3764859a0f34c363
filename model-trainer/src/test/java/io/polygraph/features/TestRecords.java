package io.polygraph.features;

import io.polygraph.detector.MultimodalRecord;
import io.polygraph.schema.Channel;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.ImageFormat;
import io.polygraph.schema.IncomeBand;
import io.polygraph.schema.Location;
import io.polygraph.schema.Occupation;
import io.polygraph.schema.RiskRating;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.SignaturePurpose;
import io.polygraph.schema.SourceOfFunds;
import io.polygraph.schema.Transaction;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;

/** Test-data builders for hand-made Avro records and signature images. */
public final class TestRecords {

    public static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");

    private TestRecords() {}

    public static Location berlin() {
        return new Location("DE", "DE-BE", 52.52, 13.405);
    }

    public static CustomerProfile profile(
            String entityId, Occupation occupation, IncomeBand income) {
        return CustomerProfile.newBuilder()
                .setEntityId(entityId)
                .setUpdatedAt(T0.minusSeconds(86_400 * 30))
                .setBirthYear(1980)
                .setOccupation(occupation)
                .setIncomeBand(income)
                .setHomeLocation(berlin())
                .setAccountOpenedDate(LocalDate.of(2015, 3, 1))
                .setDeclaredMonthlySpendMinor(200_000)
                .setCurrency("EUR")
                .setNationality("DE")
                .setSourceOfFunds(SourceOfFunds.SALARY)
                .setRiskRating(RiskRating.LOW)
                .setPoliticallyExposed(false)
                .setKycVerifiedAt(T0.minusSeconds(86_400 * 60))
                .build();
    }

    public static Transaction transaction(
            String entityId, String id, long amountMinor, String category, Instant at) {
        return Transaction.newBuilder()
                .setTransactionId(id)
                .setEntityId(entityId)
                .setEventTime(at)
                .setAmountMinor(amountMinor)
                .setCurrency("EUR")
                .setMerchantId("m-" + category)
                .setMerchantCategory(category)
                .setChannel(Channel.CARD_PRESENT)
                .setLocation(berlin())
                .setSignatureCaptured(false)
                .setDeviceId("pos-" + category)
                .build();
    }

    /** A record of a profiled customer with a few previous grocery payments. */
    public static MultimodalRecord record(String entityId, long amountMinor, String category) {
        List<Transaction> recent =
                List.of(
                        transaction(
                                entityId, entityId + "-1", 3_500, "5411", T0.minusSeconds(7200)),
                        transaction(
                                entityId, entityId + "-2", 4_200, "5411", T0.minusSeconds(3600)));
        return new MultimodalRecord(
                transaction(entityId, entityId + "-3", amountMinor, category, T0),
                recent,
                profile(entityId, Occupation.EMPLOYEE, IncomeBand.MIDDLE),
                null,
                null);
    }

    /** PNG bytes of a white image with a dark filled rectangle. */
    public static byte[] rectanglePng(int width, int height, int x, int y, int w, int h, int grey) {
        // RGB, not TYPE_BYTE_GRAY: Java2D's grey images use a linear colour space, which would
        // turn the requested grey level into another one.
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(grey, grey, grey));
        g.fillRect(x, y, w, h);
        g.dispose();
        return encode(image, "png");
    }

    /** Image bytes of a scribble: a few strokes whose shape depends on {@code seed}. */
    public static byte[] scribble(int seed, String format) {
        BufferedImage image = new BufferedImage(220, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 220, 90);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(2f));
        java.util.Random random = new java.util.Random(seed);
        int x = 10;
        int y = 45;
        for (int i = 0; i < 12; i++) {
            int nx = Math.min(210, x + 5 + random.nextInt(25));
            int ny = 15 + random.nextInt(60);
            g.drawLine(x, y, nx, ny);
            x = nx;
            y = ny;
        }
        g.dispose();
        return encode(image, format);
    }

    public static SignatureImage signature(
            String entityId, SignaturePurpose purpose, String transactionId, byte[] png) {
        return SignatureImage.newBuilder()
                .setEntityId(entityId)
                .setCapturedAt(T0.minusSeconds(1))
                .setPurpose(purpose)
                .setTransactionId(transactionId)
                .setFormat(ImageFormat.PNG)
                .setImageBytes(ByteBuffer.wrap(png))
                .setWidth(220)
                .setHeight(90)
                .build();
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
