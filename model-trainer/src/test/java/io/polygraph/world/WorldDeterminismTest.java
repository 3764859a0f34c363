package io.polygraph.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorldDeterminismTest {

    private static final WorldConfig CONFIG =
            WorldConfig.defaults().withCustomers(25).withSpan(Duration.ofDays(10));

    @Test
    void sameSeedGivesAnEqualWorldDownToTheImageBytes() {
        World first = WorldGenerator.generate(CONFIG);
        World second = WorldGenerator.generate(CONFIG);

        assertThat(second).isEqualTo(first);
        assertThat(first.presentedSignatures()).isNotEmpty();
        assertThat(bytes(second.presentedSignatures()))
                .containsExactlyElementsOf(bytes(first.presentedSignatures()));
        assertThat(bytes(second.enrolmentSignatures()))
                .containsExactlyElementsOf(bytes(first.enrolmentSignatures()));
    }

    @Test
    void anotherSeedGivesAnotherWorld() {
        World first = WorldGenerator.generate(CONFIG);
        World other = WorldGenerator.generate(CONFIG.withSeed(43));

        assertThat(other.profiles()).isNotEqualTo(first.profiles());
        assertThat(amounts(other.transactions())).isNotEqualTo(amounts(first.transactions()));
        assertThat(bytes(other.enrolmentSignatures()))
                .isNotEqualTo(bytes(first.enrolmentSignatures()));
    }

    @Test
    void aCustomerDoesNotDependOnHowManyOthersThereAre() {
        World few = WorldGenerator.generate(CONFIG.withCustomers(5));
        World many = WorldGenerator.generate(CONFIG.withCustomers(30));

        String entity = Customer.entityIdOf(3);
        assertThat(transactionsOf(many, entity)).isEqualTo(transactionsOf(few, entity));
        assertThat(many.profiles().stream().filter(p -> p.getEntityId().equals(entity)).toList())
                .isEqualTo(
                        few.profiles().stream()
                                .filter(p -> p.getEntityId().equals(entity))
                                .toList());
    }

    private static List<Transaction> transactionsOf(World world, String entityId) {
        return world.transactions().stream().filter(t -> t.getEntityId().equals(entityId)).toList();
    }

    private static List<Long> amounts(List<Transaction> transactions) {
        return transactions.stream().map(Transaction::getAmountMinor).toList();
    }

    private static List<String> bytes(List<SignatureImage> images) {
        return images.stream()
                .map(image -> java.util.HexFormat.of().formatHex(image.getImageBytes().array()))
                .toList();
    }
}
