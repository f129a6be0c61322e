package dk.hotline;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.twilio.http.HttpMethod;
import dk.hotline.twilio.TwilioGateway;

/**
 * The package rules of docs/ARCHITECTURE.md, checked on the compiled main code: a change that
 * breaks one fails the build, with the offending class and line in the message.
 */
@AnalyzeClasses(packages = "dk.hotline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] FEATURES = {"dk.hotline.rota..", "dk.hotline.routing..", "dk.hotline.outbox..",
        "dk.hotline.followups..", "dk.hotline.groups..", "dk.hotline.voice..", "dk.hotline.sms..",
        "dk.hotline.notes.."};
    private static final String[] FOUNDATION = {"dk.hotline.common..", "dk.hotline.privacy..", "dk.hotline.db..",
        "dk.hotline.scheduling..", "dk.hotline.flows..", "dk.hotline.twilio.."};

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("composition root").definedBy("dk.hotline.app..")
            .layer("demo").definedBy("dk.hotline.demo..")
            .layer("web").definedBy("dk.hotline.web..", "dk.hotline.console..", "dk.hotline.simulator..")
            .layer("features").definedBy(FEATURES)
            .layer("foundation").definedBy(FOUNDATION)
            .whereLayer("composition root").mayNotBeAccessedByAnyLayer()
            .whereLayer("demo").mayOnlyBeAccessedByLayers("composition root")
            .whereLayer("web").mayOnlyBeAccessedByLayers("demo", "composition root")
            .whereLayer("features").mayOnlyBeAccessedByLayers("demo", "web", "composition root")
            .whereLayer("foundation").mayOnlyBeAccessedByLayers("demo", "features", "web", "composition root")
            .because("a package depends only on the layers below it, so each can be built and tested with what it is given");

    @ArchTest
    static final ArchRule noCycles = slices().matching("dk.hotline.(*)..").should().beFreeOfCycles()
            .because("a cycle between packages makes them one package that pretends to be several");

    @ArchTest
    static final ArchRule theRootIsImportedByNobody = noClasses().that().resideOutsideOfPackage("dk.hotline.app..")
            .should().dependOnClassesThat().resideInAPackage("dk.hotline.app..")
            .because("config records live with the feature that reads them, and the root composes them");

    @ArchTest
    static final ArchRule onlyTheWebKnowsJavalin = noClasses().that()
            .resideOutsideOfPackages("dk.hotline.web..", "dk.hotline.console..", "dk.hotline.simulator..")
            .should().dependOnClassesThat().resideInAPackage("io.javalin..")
            .because("services and DAOs take and return domain types; webhook handlers take a WebhookRequest");

    @ArchTest
    static final ArchRule theWebKnowsNoFeature = noClasses().that().resideInAPackage("dk.hotline.web..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .because("the web tier serves what the root gives it; console handlers are where features meet HTTP");

    @ArchTest
    static final ArchRule onlyTwilioUsesTheRestApi = noClasses().that().resideOutsideOfPackage("dk.hotline.twilio..")
            .should().dependOnClassesThat(resideInAnyPackage("com.twilio.rest..", "com.twilio.base..",
                    "com.twilio.exception..", "com.twilio.security..", "com.twilio.http..")
                    .and(not(type(HttpMethod.class))).or(type(com.twilio.Twilio.class)))
            .because("the twilio package is the one boundary to Twilio's REST API (TwiML's HttpMethod is not REST)");

    @ArchTest
    static final ArchRule onlyVoiceAndSmsBuildTwiml = noClasses().that()
            .resideOutsideOfPackages("dk.hotline.voice..", "dk.hotline.sms..")
            .should().dependOnClassesThat().resideInAPackage("com.twilio.twiml..")
            .because("TwiML is the answer to a webhook, and only the webhook handlers answer");

    @ArchTest
    static final ArchRule onlyTheOutboxSends = noClasses().that().resideOutsideOfPackage("dk.hotline.outbox..")
            .should().callMethodWhere(target(owner(assignableTo(TwilioGateway.class)))
                    .and(target(nameMatching("sendSms|placeCall|findSms|findCall"))))
            .because("every text and call is an outbox row, written with the change that caused it and sent once");

    @ArchTest
    static final ArchRule privacyAndDbImportNoFeature = noClasses()
            .that().resideInAnyPackage("dk.hotline.privacy..", "dk.hotline.db..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .orShould().dependOnClassesThat().resideInAnyPackage("dk.hotline.web..", "dk.hotline.console..",
                    "dk.hotline.app..", "dk.hotline.twilio..", "dk.hotline.flows..", "dk.hotline.scheduling..")
            .because("every feature builds on them: they must not build on a feature");

    @ArchTest
    static final ArchRule eachPackageOwnsItsTables = classes().that().haveSimpleNameEndingWith("Dao")
            .or().haveSimpleName("Dao")
            .should().notBePublic()
            .because("another package asks the owner's small class (Offers, Outbox, Leaders), never its DAO");
}
