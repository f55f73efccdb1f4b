//! Event detection on sentences written in the styles of the wires and the regional press.

use crate::model::{Document, Extraction};

fn run(text: &str) -> Extraction {
    crate::extract(&Document {
        id: "t".into(),
        text: text.into(),
        date: Some("2024-03-08".into()),
        title: None,
        url: None,
    })
}

/// (type, role, argument text) for every entity argument.
fn args(ex: &Extraction) -> Vec<(String, String, String)> {
    ex.events
        .iter()
        .flat_map(|e| {
            e.arguments
                .iter()
                .filter(|a| a.entity.is_some())
                .map(move |a| (e.kind.to_string(), a.role.to_string(), a.text.clone()))
        })
        .collect()
}

/// (type, role, argument text) for every argument, named or not.
fn args_all(ex: &Extraction) -> Vec<(String, String, String)> {
    ex.events
        .iter()
        .flat_map(|e| {
            e.arguments
                .iter()
                .map(move |a| (e.kind.to_string(), a.role.to_string(), a.text.clone()))
        })
        .collect()
}

fn has(ex: &Extraction, kind: &str, role: &str, text: &str) -> bool {
    args_all(ex).contains(&(kind.into(), role.into(), text.into()))
}

/// Whether an event of `kind` has the entity of this name in `role`.
fn has_entity(ex: &Extraction, kind: &str, role: &str, name: &str) -> bool {
    ex.events
        .iter()
        .filter(|e| e.kind.to_string() == kind)
        .any(|e| {
            e.arguments.iter().any(|a| {
                a.role.to_string() == role
                    && a.entity
                        .as_ref()
                        .is_some_and(|id| ex.entities.iter().any(|x| &x.id == id && x.name == name))
            })
        })
}

#[test]
fn actors_and_targets_from_active_and_passive_clauses() {
    let ex = run(
        "Egypt recalled its ambassador from Addis Ababa and said Ethiopia’s envoy had been expelled.",
    );
    assert!(
        has(&ex, "RecallAmbassador", "actor", "Egypt"),
        "{:?}",
        args(&ex)
    );
    assert!(
        has(&ex, "Expulsion", "target", "Ethiopia"),
        "{:?}",
        args(&ex)
    );
    assert!(has(&ex, "Expulsion", "actor", "Egypt"), "{:?}", args(&ex));
    // Whose envoy is expelled, in the active voice too.
    for text in [
        "Pakistan expelled an Indian diplomat on Thursday.",
        "Pakistan expelled India's envoy.",
    ] {
        let ex = run(text);
        assert!(
            args(&ex)
                .iter()
                .any(|a| a.0 == "Expulsion" && a.1 == "target"),
            "{text}: {:?}",
            args(&ex)
        );
    }
}

#[test]
fn denials_and_modals_reach_past_the_words_before_the_cue() {
    // A denial governs its clause; a modal, the verb that takes the event noun.
    for text in [
        "Rwanda denied that its troops were fighting alongside the M23 rebels.",
        "Iran denied carrying out the attack.",
        "Ruto would convene an emergency summit of the bloc on Wednesday.",
    ] {
        let t = triggers(&run(text));
        assert!(t.is_empty(), "{text}: {t:?}");
    }
    // Where the sentence turns, the denial ends.
    let ex = run("Iran denied the charge, but its drones struck Erbil on Monday.");
    assert!(has(&ex, "Attack", "actor", "Iran"), "{:?}", args_all(&ex));
    // A noun whose own predicate calls it off.
    for text in [
        "Oman said the talks between Iran and the US scheduled for Sunday in Muscat would not \
         take place.",
        "The meeting between the two ministers was postponed.",
    ] {
        let t = triggers(&run(text));
        assert!(t.is_empty(), "{text}: {t:?}");
    }
    let t = triggers(&run(
        "The meeting between the two ministers was held in Doha.",
    ));
    assert!(!t.is_empty(), "{t:?}");
    // A modal before "act on" says nothing of the demands acted on.
    let t = triggers(&run(
        "The government may act on the demands of the protesters.",
    ));
    assert!(!t.is_empty(), "{t:?}");
}

#[test]
fn negation_and_threats_are_not_attacks() {
    let t = triggers(&run(
        "Pyongyang responded with defiance, threatening nuclear strikes against the South.",
    ));
    assert_eq!(t, [("Threat".to_string(), "threatening".to_string())]);
    // What follows the clause's verb describes its subject.
    let ex = run("The six soldiers killed in the blast were Americans.");
    assert!(
        !has(&ex, "Attack", "target", "Americans"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("The rally by opposition supporters was held in Kampala.");
    assert!(
        has(&ex, "Protest", "place", "Kampala"),
        "{:?}",
        args_all(&ex)
    );
    for text in [
        "All six of the members killed were of American nationality.",
        "Prosecutors say 4,000 pounds of ammonium nitrate were loaded into the truck.",
        "Three militants died when their device detonated accidentally near Kandahar.",
    ] {
        let t = triggers(&run(text));
        assert!(!t.iter().any(|(k, _)| k == "Attack"), "{text}: {t:?}");
    }
    let t = triggers(&run("It strikes me that the visits could become regular."));
    assert!(t.is_empty(), "{t:?}");
    let ex = run("Israel did not attack the convoy, but Hezbollah threatened to strike Haifa.");
    assert!(
        !ex.events.iter().any(|e| e.kind.as_str() == "Attack"),
        "{:?}",
        ex.events
    );
    assert!(ex.events.iter().any(|e| e.kind.as_str() == "Threat"));
}

/// (type, trigger text) for every trigger.
fn triggers(ex: &Extraction) -> Vec<(String, String)> {
    ex.events
        .iter()
        .flat_map(|e| {
            e.triggers
                .iter()
                .map(move |t| (e.kind.to_string(), t.text.clone()))
        })
        .collect()
}

#[test]
fn modifiers_dates_and_rallies_are_not_events() {
    let ex = run(
        "Riot police guarded the square on March 31, and the senator spoke at a campaign rally.",
    );
    assert!(ex.events.is_empty(), "{:?}", triggers(&ex));
    // The same words as events.
    let ex = run("Thousands joined a rally in Cairo; the riot lasted until dawn.");
    let t = triggers(&ex);
    assert!(t.contains(&("Protest".into(), "rally".into())), "{t:?}");
    assert!(t.contains(&("Protest".into(), "riot".into())), "{t:?}");
}

#[test]
fn unnamed_actors_and_the_phrase_an_entity_acts_through() {
    let ex = run("Police officers detained a protester in central Moscow.");
    assert!(
        has(&ex, "Arrest", "actor", "Police officers"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("The journalist was shot by security forces in Aleppo.");
    assert!(
        has(&ex, "Attack", "actor", "security forces"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Russian forces attacked Ukrainian positions near Luhansk.");
    assert!(
        has(&ex, "Attack", "actor", "Russian forces"),
        "{:?}",
        args_all(&ex)
    );
    // Words saying which kind of craft stand between the demonym and the craft.
    for (text, state) in [
        ("Thai F-16 fighter jets bombed Cambodian positions.", "Thai"),
        (
            "Russian attack helicopters fired on the village.",
            "Russian",
        ),
    ] {
        let ex = run(text);
        assert!(
            has(&ex, "Attack", "actor", state),
            "{text}: {:?}",
            args_all(&ex)
        );
    }
    // Suicide bombers are not their people's state.
    let ex = run("Palestinian suicide bombers attacked a bus.");
    assert!(
        has(&ex, "Attack", "actor", "suicide bombers"),
        "{:?}",
        args_all(&ex)
    );
    // After a bare noun, the next words are its clause's verb, not a target.
    let ex = run("The attack prompted the defence minister to resign.");
    assert!(
        !args_all(&ex).iter().any(|(_, r, _)| r == "target"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn agents_patients_and_settings_from_the_shape_of_the_clause() {
    type Want = &'static [(&'static str, &'static str, &'static str)];
    let cases: &[(&str, Want)] = &[
        (
            "Two men were shot in Dallas last week by a lone sniper.",
            &[("Attack", "actor", "sniper"), ("Attack", "target", "men")],
        ),
        (
            "Some students were detained late in the day.",
            &[("Arrest", "target", "students")],
        ),
        (
            "Crowds gathered after the fatal police shooting of a teenager.",
            &[("Attack", "actor", "police")],
        ),
        (
            "Airstrikes by a Saudi-led coalition against Yemen's Houthi rebels continued.",
            &[
                ("Attack", "actor", "coalition"),
                ("Attack", "target", "Houthi rebels"),
            ],
        ),
        (
            "Iran said militants attacked a police station in Sistan.",
            &[("Attack", "actor", "militants")],
        ),
        (
            "Israel said its jets struck Hamas positions in Gaza.",
            &[("Attack", "actor", "Israel")],
        ),
        (
            "CAIRO — Hundreds of students marched in the capital on Sunday.",
            &[("Protest", "actor", "Hundreds of students")],
        ),
        (
            "Pakistan struck militant hideouts in Iran's Sistan province on Thursday.",
            &[
                ("Attack", "actor", "Pakistan"),
                ("Attack", "target", "Iran"),
            ],
        ),
        (
            "Troops arrest two men in Hebron.",
            &[("Arrest", "actor", "Troops"), ("Arrest", "target", "men")],
        ),
        (
            "A bomb exploded at a checkpoint in Mazar-i-Sharif, Afghanistan, on Monday.",
            &[("Attack", "place", "Mazar-i-Sharif")],
        ),
        (
            "Five police officers were then shot at a rally in Texas.",
            &[("Attack", "target", "police officers")],
        ),
        (
            "Officials in Washington said a drone shot down by a Turkish jet was Russian.",
            &[("Attack", "target", "drone")],
        ),
        (
            "Activists mourned five police officers shot in Dallas last week by a sniper.",
            &[
                ("Attack", "actor", "sniper"),
                ("Attack", "target", "police officers"),
            ],
        ),
        (
            "An activist is detained by security officers ahead of a march marking Human Rights Day in Havana.",
            &[("Arrest", "place", "Havana")],
        ),
        (
            "Police said they arrested about two dozen protesters in Ferguson.",
            &[("Arrest", "target", "protesters")],
        ),
        (
            "Officials said the sailors were quickly detained near Farsi Island.",
            &[("Arrest", "target", "sailors")],
        ),
        (
            "Valentin Grossu is escorted by a police officer following his arrest in Chisinau.",
            &[("Arrest", "target", "Valentin Grossu")],
        ),
        (
            "Kizza Besigye, runner-up to President Yoweri Museveni, was arrested in Kampala.",
            &[("Arrest", "target", "Kizza Besigye")],
        ),
        (
            "Syrian government forces and their Russian allies attacked civilians.",
            &[
                ("Attack", "actor", "Syrian government forces"),
                ("Attack", "actor", "Russian"),
            ],
        ),
    ];
    for (text, want) in cases {
        let ex = run(text);
        for (kind, role, arg) in *want {
            assert!(has(&ex, kind, role, arg), "{text}: {:?}", args_all(&ex));
        }
    }
    // Settings, projectiles and words past the next clause's verb are not targets.
    for (text, wrong) in [
        (
            "Militants bombed a hospital in the southwestern city of Quetta.",
            "southwestern city",
        ),
        (
            "Police fired tear gas canisters at the crowds in Kampala.",
            "tear gas canisters",
        ),
        (
            "The gunman who killed 49 people last month is not representative of Muslim Americans.",
            "Muslim Americans",
        ),
    ] {
        let ex = run(text);
        assert!(
            !args_all(&ex)
                .iter()
                .any(|(_, r, a)| r == "target" && a == wrong),
            "{text}: {:?}",
            args_all(&ex)
        );
    }
    // A strike's origin is not its target; an NP ends at the verb of its clause.
    let ex = run("Rockets were fired from Lebanon at Israeli towns overnight.");
    assert!(
        !has(&ex, "Attack", "target", "Lebanon"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("The assault on the army base was a prelude to the offensive.");
    assert!(
        !args_all(&ex).iter().any(|(_, _, t)| t.contains("was")),
        "{:?}",
        args_all(&ex)
    );
    // Neither the speaker nor whoever stands before a reduced relative is the attacker.
    for (text, wrong) in [
        (
            "Schenker said the extremist group has an interest in attacking Egypt.",
            "Schenker",
        ),
        (
            "Officials in Washington said a drone shot down by a Turkish jet was Russian.",
            "Washington",
        ),
    ] {
        let ex = run(text);
        assert!(
            !args_all(&ex)
                .iter()
                .any(|(_, r, a)| a == wrong && r != "place"),
            "{text}: {:?}",
            args_all(&ex)
        );
    }
    // The attacks a raid came after are another event, named where it happened.
    let ex = run("Police raided homes after the Brussels terrorist attacks killed 32 people.");
    assert_eq!(ex.events.len(), 2, "{:?}", triggers(&ex));
    assert!(
        has(&ex, "Attack", "place", "Brussels"),
        "{:?}",
        args_all(&ex)
    );
    // Force used in a state strikes it, there, unless the clause names what it hit; an
    // arrest in a state only happens there.
    let ex = run("Turkish jets struck in Syria on Monday.");
    assert!(has(&ex, "Attack", "target", "Syria") && has(&ex, "Attack", "place", "Syria"));
    let ex = run("Turkish jets struck Kurdish militants in Syria on Monday.");
    assert!(has(&ex, "Attack", "place", "Syria") && !has(&ex, "Attack", "target", "Syria"));
    let ex = run("Police arrested two journalists in Egypt on Monday.");
    assert!(
        has(&ex, "Arrest", "place", "Egypt") && !has(&ex, "Arrest", "target", "Egypt"),
        "{:?}",
        args_all(&ex)
    );
    // "talks to reporters" is someone speaking, not a round of talks.
    assert!(triggers(&run("President Poroshenko talks to reporters in Kyiv.")).is_empty());
    // A merged event names each instrument once.
    let ex = run(
        "Iran carried out a missile and drone attack. Its drones and missiles struck militants.",
    );
    let instruments = args_all(&ex)
        .into_iter()
        .filter(|(_, r, _)| r == "instrument")
        .count();
    assert!(instruments <= 2, "{:?}", args_all(&ex));
    // The longest weapon named, and what fire is aimed at is no weapon.
    let ex = run("A car bomb exploded near a checkpoint in Mogadishu, killing eight people.");
    assert!(
        has(&ex, "Attack", "instrument", "car bomb"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        !has(&ex, "Attack", "instrument", "car"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Houthi rebels launched ballistic missiles at ships in the Red Sea.");
    assert!(
        !has(&ex, "Attack", "instrument", "ships"),
        "{:?}",
        args_all(&ex)
    );
    // What a blow lands on is hit, what is fired is used.
    let ex = run("The Pentagon said U.S. forces destroyed four drones in Yemen.");
    assert!(
        !has(&ex, "Attack", "instrument", "drones"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Police fired tear gas at protesters in Caracas.");
    assert!(
        has(&ex, "Attack", "instrument", "tear gas"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Officials voiced outrage at the chemical weapons attack in Idlib.");
    assert!(
        has(&ex, "Attack", "instrument", "chemical weapons"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn what_an_appeal_asks_to_begin_has_not_begun() {
    let t = triggers(&run(
        "The African Union called on both sides to exercise restraint and return to negotiations.",
    ));
    assert_eq!(t, [("Appeal".to_string(), "called".to_string())], "{t:?}");
    // What it asks to stop has happened.
    let t = triggers(&run("The UN urged Israel to halt the strikes on Gaza."));
    assert!(
        t.contains(&("Attack".to_string(), "strikes".to_string())),
        "{t:?}"
    );
    // Nor has what it asks done outright, unless it names a known event.
    for text in [
        "Erdogan urged both countries to resolve their differences through dialogue.",
        "The group has called on its followers to stage violent attacks against the United \
         States.",
        "Kabul urged Pakistan to arrest Taliban commanders.",
    ] {
        let t = triggers(&run(text));
        assert!(t.iter().all(|(k, _)| k == "Appeal"), "{text}: {t:?}");
    }
    let t = triggers(&run(
        "Kabul urged the UN to investigate the attack on the school.",
    ));
    assert!(
        t.contains(&("Attack".to_string(), "attack".to_string())),
        "{t:?}"
    );
    // Whom an appeal asks stands inside its cue.
    let ex = run("Antonio Guterres urged Rwanda to withdraw its forces from Congolese territory.");
    assert!(
        has(&ex, "Appeal", "target", "Rwanda"),
        "{:?}",
        args_all(&ex)
    );
    // However long the name of the body asked; the meeting it asks for has not met.
    let ex = run("Cambodia asked the U.N. Security Council to convene an urgent meeting.");
    assert!(
        has(&ex, "Appeal", "target", "U.N. Security Council"),
        "{:?}",
        args_all(&ex)
    );
    let t = triggers(&ex);
    assert!(t.iter().all(|(k, _)| k == "Appeal"), "{t:?}");
}

#[test]
fn negotiations_are_a_process_apart_from_meetings() {
    let ex = run("Kerry said negotiations with Iran over its nuclear programme will continue.");
    assert_eq!(
        triggers(&ex),
        [("Negotiation".to_string(), "negotiations".to_string())]
    );
    assert!(
        has(&ex, "Negotiation", "participant", "Iran"),
        "{:?}",
        args_all(&ex)
    );
    assert_eq!(ex.events[0].cameo, "046");
    let t = triggers(&run(
        "Peace talks between Kyiv and Moscow dragged on in Minsk.",
    ));
    assert_eq!(t, [("Negotiation".to_string(), "talks".to_string())]);
    let t = triggers(&run("Sharif flew to Delhi for talks with Modi on Friday."));
    assert!(
        t.contains(&("Meeting".to_string(), "talks".to_string())),
        "{t:?}"
    );
    let ex = run("Kerry held talks with Iran's foreign minister Zarif in Geneva on Sunday.");
    assert!(
        triggers(&ex).iter().all(|(k, _)| k == "Meeting"),
        "{:?}",
        triggers(&ex)
    );
}

#[test]
fn demonstrations_are_protests_but_a_demonstration_of_power_is_not() {
    let t = triggers(&run(
        "The demonstrations erupted after the court ruling on Friday.",
    ));
    assert_eq!(t, [("Protest".to_string(), "demonstrations".to_string())]);
    let t = triggers(&run(
        "The missile launch was a demonstration of power by Pyongyang.",
    ));
    assert!(t.iter().all(|(k, _)| k != "Protest"), "{t:?}");
    // Even where blood was spilt, demonstrations that erupt are no violence; fighting is.
    let t = triggers(&run(
        "Police fired tear gas at protesters in Caracas. The demonstrations erupted after \
         the Venezuelan Supreme Court's March 30 announcement that it would strip the \
         National Assembly of its powers.",
    ));
    assert!(!t.iter().any(|(_, w)| w == "erupted"), "{t:?}");
    let t = triggers(&run(
        "Heavy fighting erupted between the army and rebels in Aleppo.",
    ));
    assert!(t.iter().any(|(_, w)| w == "erupted"), "{t:?}");
    // A government that acts in protest protests in words (CAMEO 140); people that gather in
    // protest demonstrate (141).
    let cameo = |text: &str| -> Vec<String> {
        run(text)
            .events
            .iter()
            .filter(|e| e.kind.to_string() == "Protest")
            .map(|e| e.cameo.clone())
            .collect()
    };
    let c = cameo("Sudan recalled its ambassador to Kenya in protest against the decision.");
    assert_eq!(c, ["140"], "{c:?}");
    let c = cameo("Thousands of students gathered in protest against the new law.");
    assert_eq!(c, ["141"], "{c:?}");
}

#[test]
fn a_state_an_attack_happened_in_is_its_target_only_for_want_of_another() {
    let ex = run("Gunmen attacked workers from a quarry in Kenya on Tuesday.");
    assert!(
        has(&ex, "Attack", "target", "workers"),
        "{:?}",
        args_all(&ex)
    );
    assert!(has(&ex, "Attack", "place", "Kenya"), "{:?}", args_all(&ex));
    assert!(
        !has(&ex, "Attack", "target", "Kenya"),
        "{:?}",
        args_all(&ex)
    );
    // After a direct object, a name "at" something says where, not what was hit.
    let ex = run("Gunmen attacked a bus at the University of Nairobi on Monday.");
    assert!(has(&ex, "Attack", "target", "bus"), "{:?}", args_all(&ex));
    assert!(
        !has(&ex, "Attack", "target", "University of Nairobi"),
        "{:?}",
        args_all(&ex)
    );
    // Targets in a state stand for it; force used inside a state strikes it.
    for text in [
        "Israeli jets struck targets in Syria on Monday.",
        "Israeli jets struck militants inside Syria on Monday.",
    ] {
        let ex = run(text);
        assert!(
            has(&ex, "Attack", "target", "Syria"),
            "{text}: {:?}",
            args_all(&ex)
        );
    }
}

#[test]
fn who_was_killed_in_an_attack_was_its_target() {
    let ex = run(
        "Police officers Serdar Kazar and Isa Ipek, killed in an attack by Kurdish rebels, were buried.",
    );
    assert!(
        has(&ex, "Attack", "target", "Isa Ipek"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        !has(&ex, "Attack", "actor", "Isa Ipek"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Two soldiers were killed in a PKK attack near the border.");
    assert!(has(&ex, "Attack", "actor", "PKK"), "{:?}", args_all(&ex));
}

#[test]
fn what_two_parties_do_to_each_other_is_an_event_each_way() {
    let ex = run(
        "India and Pakistan traded fire on Monday. The two sides accused each other of violating the truce.",
    );
    let acc: Vec<_> = ex
        .events
        .iter()
        .filter(|e| e.kind.as_str() == "Accusation")
        .collect();
    assert_eq!(acc.len(), 2, "{:?}", args_all(&ex));
    assert!(has(&ex, "Accusation", "actor", "India") && has(&ex, "Accusation", "target", "India"));
    assert!(has(&ex, "Accusation", "actor", "Pakistan"));
    // Without "each other" a plural subject is left alone.
    let ex =
        run("India and Pakistan met in Geneva. Both countries accused militants of the attack.");
    assert!(
        ex.events
            .iter()
            .filter(|e| e.kind.as_str() == "Accusation")
            .count()
            <= 1,
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn anyone_may_march_but_troops_that_march_parade() {
    let ex = run("On Wednesday, people across the nation marched in support of the strikers.");
    assert!(
        has(&ex, "Protest", "actor", "people"),
        "{:?}",
        args_all(&ex)
    );
    let t = triggers(&run("Thousands of women marched in Warsaw on Sunday."));
    assert_eq!(t, [("Protest".to_string(), "marched".to_string())]);
    let t = triggers(&run("Troops marched through the capital on Sunday."));
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn killing_is_an_attack_only_as_an_act_on_someone() {
    // A hedge on a reported attack keeps it; "may" does not.
    let t = triggers(&run(
        "Officials condemned the apparent chemical weapons attack in Syria.",
    ));
    assert_eq!(t, [("Attack".to_string(), "attack".to_string())]);
    let t = triggers(&run(
        "Officials said Iran may attack militant bases in Syria.",
    ));
    assert!(t.iter().all(|(k, _)| k != "Attack"), "{t:?}");
    // Tear gas fired at people is force used on them.
    let ex = run("Police fired tear gas at protesters in Kampala on Monday.");
    assert!(has(&ex, "Attack", "actor", "Police"), "{:?}", args_all(&ex));
    let ex = run("The gunman who killed 49 people at an Orlando nightclub was identified.");
    assert_eq!(
        triggers(&ex),
        [("Attack".to_string(), "killed".to_string())]
    );
    // The active-voice rule belongs to the verbs of killing, not to "targeted killing".
    let t = triggers(&run(
        "The targeted killing of a Hamas commander in Gaza angered Hamas.",
    ));
    assert_eq!(t, [("Attack".to_string(), "killing".to_string())]);
    // The antecedent of "who" acts.
    assert!(has(&ex, "Attack", "actor", "gunman"), "{:?}", args_all(&ex));
    for text in [
        "Five soldiers were killed in the blast near Kabul.",
        "The bombing in Quetta killed 20 people on Monday.",
        "The attack targeting the army's 209th Shaheen Corps killed 140 soldiers.",
        "Twin bombs exploded near the finish line, killing three people.",
    ] {
        let t = triggers(&run(text));
        assert!(
            t.iter().all(|(_, w)| !w.starts_with("kill")),
            "{text}: {t:?}"
        );
    }
}

#[test]
fn campaigns_are_kept_apart_from_single_attacks() {
    let ex = run("Russia and Syria launched an air offensive against rebels in Aleppo.");
    assert_eq!(
        triggers(&ex),
        [("MilitaryCampaign".to_string(), "offensive".to_string())]
    );
    assert!(
        has(&ex, "MilitaryCampaign", "actor", "Russia"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Government forces besieged the city while jets struck a hospital on Monday.");
    let kinds: Vec<String> = triggers(&ex).into_iter().map(|(k, _)| k).collect();
    assert_eq!(kinds, ["MilitaryCampaign", "Attack"], "{:?}", triggers(&ex));
    // The battle for a city and ongoing fighting are sustained combat.
    for text in [
        "Iraqi forces pressed on with the battle for Mosul against Islamic State militants.",
        "Heavy fighting between troops and rebels continued near Donetsk.",
        "Turkey launched military operations against the PKK in northern Iraq.",
    ] {
        let t = triggers(&run(text));
        assert!(
            !t.is_empty() && t.iter().all(|(k, _)| k == "MilitaryCampaign"),
            "{text}: {t:?}"
        );
    }
}

#[test]
fn parts_purposes_devices_and_kinds_are_not_events_of_their_own() {
    for text in [
        "Coalition airstrikes targeting Islamic State positions killed 20 fighters in Mosul.",
        "The U.S. carried out targeted strikes on Islamic State positions in Mosul.",
        "Israel launched airstrikes on Gaza in retaliation for the rocket fire.",
        "NATO ambassadors met in Brussels on Sunday to discuss Ukraine.",
        "The report includes cell phone video recorded by survivors who spoke to HRW.",
        "The draft law would let police in Egypt ban all protests outright.",
        "Soldiers guarded the detention center where Cuba holds dissidents.",
        "Officials defended freedom of speech and assembly in Havana.",
    ] {
        let t = triggers(&run(text));
        assert!(
            t.iter().all(|(_, w)| !w.starts_with("target")
                && !matches!(
                    w.as_str(),
                    "retaliation" | "discuss" | "phone" | "protests" | "detention" | "assembly"
                )),
            "{text}: {t:?}"
        );
    }
    for text in [
        "Troops watched a Russian warplane on fire crash on a hill near the border.",
        "The army came under fire for refusing to reveal the number of soldiers killed.",
        "The killings of soldiers strike another blow at a ceasefire brokered by Annan.",
    ] {
        let t = triggers(&run(text));
        assert!(t.iter().all(|(k, _)| k != "Attack"), "{text}: {t:?}");
    }
    let ex = run("Coalition airstrikes targeting Islamic State positions killed 20 fighters.");
    assert!(
        has(&ex, "Attack", "target", "Islamic State"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn calls_are_triggered_by_the_speaking_verb_and_stones_are_an_assault() {
    let ex = run("Erdogan spoke by phone with Putin on Friday.");
    let t = triggers(&ex);
    assert_eq!(t, [("Call".to_string(), "spoke".to_string())], "{t:?}");
    let ex = run("Protesters threw stones at the police in Srinagar.");
    let t = triggers(&ex);
    assert!(t.contains(&("Attack".into(), "threw".into())), "{t:?}");
}

#[test]
fn coordinated_subjects_and_dates() {
    let ex = run("The European Union and Japan urged restraint on Tuesday.");
    assert!(
        has(&ex, "Appeal", "actor", "European Union"),
        "{:?}",
        args(&ex)
    );
    assert!(has(&ex, "Appeal", "actor", "Japan"), "{:?}", args(&ex));
    assert_eq!(ex.events[0].date.as_deref(), Some("2024-03-05"));
}

#[test]
fn calls_take_the_counterpart_as_participant() {
    // A call takes no place from further on in the sentence.
    let ex =
        run("Erdogan spoke by phone with Vladimir Putin, officials said at a briefing in Ankara.");
    assert!(!has(&ex, "Call", "place", "Ankara"), "{:?}", args_all(&ex));
    // Speaking with someone is a call when the clause says it was one.
    let t = triggers(&run(
        "In a much anticipated call, Trump also spoke with Russian President Vladimir Putin.",
    ));
    assert!(
        t.contains(&("Call".to_string(), "spoke".to_string())),
        "{t:?}"
    );
    let t = triggers(&run("Kerry spoke with reporters in Geneva on Monday."));
    assert!(t.is_empty(), "{t:?}");
    // Leaders who have spoken with each other, with no place or gathering, did so by phone.
    let ex = run(
        "Ruto said he had spoken with Congolese President Felix Tshisekedi and Rwandan \
         President Paul Kagame.",
    );
    assert!(
        has(&ex, "Call", "participant", "Paul Kagame"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run(
        "Ruto said he had spoken with President Felix Tshisekedi and would convene an \
         emergency summit of the bloc.",
    );
    assert!(
        has(&ex, "Call", "participant", "Felix Tshisekedi"),
        "{:?}",
        args_all(&ex)
    );
    let t = triggers(&run(
        "Ruto spoke with Tshisekedi on the sidelines of the summit.",
    ));
    assert!(t.iter().all(|(k, _)| k != "Call"), "{t:?}");
    // Meeting a demand is not meeting anyone.
    for text in [
        "The agency verified that Iran has met all conditions under the deal.",
        "Members must meet their need for greater investment in their forces.",
    ] {
        let t = triggers(&run(text));
        assert!(t.is_empty(), "{text}: {t:?}");
    }
    // Whom one speaks with may stand inside the cue's words.
    let ex =
        run("Tsai Ing-wen speaks with U.S. President-elect Donald Trump through a speaker phone.");
    assert!(
        has(&ex, "Call", "participant", "Donald Trump"),
        "{:?}",
        args_all(&ex)
    );
    // A gap of a cue does not cross into a relative clause.
    let t = triggers(&run(
        "The government has what analysts call a slow approach.",
    ));
    assert!(t.is_empty(), "{t:?}");
    // "called" names things unless someone is called.
    let t = triggers(&run(
        "After speaking by phone, Obama and Merkel called the attacks barbarous on Friday.",
    ));
    assert!(!t.iter().any(|(_, w)| w == "called"), "{t:?}");
    let t = triggers(&run(
        "Erdogan called Vladimir Putin on Friday for a phone conversation.",
    ));
    assert!(
        t.contains(&("Call".to_string(), "called".to_string())),
        "{t:?}"
    );
    // "their meeting": the people named before it, not the nearest organisation.
    let ex = run(
        "Vladimir Putin shakes hands with Rex Tillerson of Exxon Mobil Corporation at their meeting outside Moscow.",
    );
    for who in ["Vladimir Putin", "Rex Tillerson"] {
        assert!(
            has(&ex, "Meeting", "participant", who),
            "{:?}",
            args_all(&ex)
        );
    }
    let ex = run(
        "Foreign Minister Sergey Lavrov held a telephone conversation with his Chinese counterpart, Wang Yi.",
    );
    assert!(
        has(&ex, "Call", "participant", "Sergey Lavrov"),
        "{:?}",
        args(&ex)
    );
    assert!(
        has(&ex, "Call", "participant", "Wang Yi"),
        "{:?}",
        args(&ex)
    );
    let wang = ex.entities.iter().find(|e| e.name == "Wang Yi").unwrap();
    assert_eq!(wang.kind.as_str(), "Official");
    assert!(
        ex.relations
            .iter()
            .any(|r| r.subject == wang.id && r.object.ends_with("/state/china"))
    );
}

#[test]
fn mentions_of_one_attack_become_one_event() {
    let ex = run(
        "Russia launched a missile attack on Kharkiv on Monday. Moscow said its missiles struck military targets.",
    );
    let attacks: Vec<_> = ex
        .events
        .iter()
        .filter(|e| e.kind.as_str() == "Attack")
        .collect();
    assert_eq!(attacks.len(), 1, "{attacks:?}");
    assert_eq!(attacks[0].triggers.len(), 2);
    assert_eq!(attacks[0].date.as_deref(), Some("2024-03-04"));
    // A state's army acts for it.
    let ex = run(
        "Israeli warplanes struck the port of Hodeidah in Yemen on Saturday. The Israeli \
         military said its jets hit fuel depots.",
    );
    let attacks: Vec<_> = ex
        .events
        .iter()
        .filter(|e| e.kind.as_str() == "Attack")
        .collect();
    assert_eq!(attacks.len(), 1, "{attacks:?}");
    assert!(
        ex.relations
            .iter()
            .any(|r| r.subject.ends_with("israel-defense-forces")
                && r.predicate.to_string() == "basedIn"),
        "{:?}",
        ex.relations
    );
}

#[test]
fn who_names_or_suffers_an_event_noun_did_not_do_it() {
    // Naming, suffering or speaking of an attack is not carrying it out.
    for text in [
        "On Friday, the French president, Emmanuel Macron, called the explosion an attack.",
        "Photo by AFP. Dagestan sees frequent attacks on security forces.",
        "In Warsaw, Obama opened his remarks with the aftermath of the Dallas shooting.",
    ] {
        let ex = run(text);
        assert!(
            !args(&ex).iter().any(|(_, role, _)| role == "actor"),
            "{text}: {:?}",
            args(&ex)
        );
    }
    // A verb that does the event, or a possessor, still gives its actor.
    for (text, actor) in [
        (
            "Hamas claimed responsibility for the attack on Tuesday.",
            "Hamas",
        ),
        ("Russia launched a series of attacks on Kharkiv.", "Russia"),
        ("Iran's brief detention of ten sailors ended.", "Iran"),
    ] {
        let ex = run(text);
        assert!(
            args(&ex).iter().any(|(_, r, a)| r == "actor" && a == actor),
            "{text}: {:?}",
            args(&ex)
        );
    }
}

#[test]
fn conditions_fronted_phrases_and_spans_of_time_bound_the_clause() {
    // A condition reports no event, whether it opens the sentence or follows.
    for text in [
        "If Iran attacks Israel, the US will respond.",
        "Israel said it would respond if Iran attacked its territory.",
    ] {
        let t = triggers(&run(text));
        assert!(t.is_empty(), "{text}: {t:?}");
    }
    // A fronted phrase ends at its comma; the main clause is its own.
    let ex = run(
        "After the explosion, the interior minister, Christophe Castaner, sent instructions to police.",
    );
    assert!(
        !args(&ex).iter().any(|(_, _, a)| a == "Christophe Castaner"),
        "{:?}",
        args(&ex)
    );
    let ex = run("In an attack on Monday, Taliban militants killed five soldiers in Kabul.");
    assert!(
        has(&ex, "Attack", "actor", "Taliban militants"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        has(&ex, "Attack", "target", "soldiers"),
        "{:?}",
        args_all(&ex)
    );
    // "With" opens a fronted phrase too; "like" ends a target phrase.
    let ex = run("With targeted strikes mounting, IS appears ever more concerned about spies.");
    assert!(!has(&ex, "Attack", "target", "IS"), "{:?}", args_all(&ex));
    let ex = run(
        "Militants said blowing up a soft target like a civilian airliner would send a signal.",
    );
    assert!(
        !args_all(&ex).iter().any(|(_, _, a)| a.contains("like")),
        "{:?}",
        args_all(&ex)
    );
    // A span of time or a verb is no target.
    let ex = run(
        "Islamic State fighters carried out a spate of attacks in recent years, and during the bombing at least 11 people died.",
    );
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(_, r, a)| r == "target" && (a.contains("years") || a.contains("died"))),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn hosting_a_leader_is_a_meeting_hosting_a_match_is_not() {
    let t = triggers(&run(
        "Obama hosted Japanese Prime Minister Shinzo Abe at the White House.",
    ));
    assert!(
        t.contains(&("Meeting".to_string(), "hosted".to_string())),
        "{t:?}"
    );
    for text in [
        "Lyon will host the semi-finals and the final.",
        "They tried to help their hosts retrieve the bodies of Pakistan's soldiers.",
        "“I was in shock,” recalled Terry Mack, an officer with the Dallas transit police.",
    ] {
        let t = triggers(&run(text));
        assert!(t.is_empty(), "{text}: {t:?}");
    }
}

#[test]
fn asides_answers_and_speakers_stay_out_of_an_event() {
    // A dash opens an aside: Iran is not what the strike hit.
    let ex =
        run("The strike — the first time Iran fired missiles outside its borders — was a warning.");
    assert!(!has(&ex, "Attack", "target", "Iran"), "{:?}", args_all(&ex));
    assert!(has(&ex, "Attack", "actor", "Iran"), "{:?}", args_all(&ex));
    // The deed answered is another event, with its own place, and a relative clause
    // tells more of it.
    let ex = run(
        "The strike was meant as retaliation for the IS-claimed twin terror attacks in Tehran on June 7 that killed 17 people and wounded 50.",
    );
    let attacks: Vec<_> = ex
        .events
        .iter()
        .filter(|e| e.kind.to_string() == "Attack")
        .collect();
    assert_eq!(attacks.len(), 2, "{:?}", ex.events);
    let strike = attacks
        .iter()
        .find(|e| e.triggers.iter().any(|t| t.text == "strike"))
        .unwrap();
    assert!(strike.arguments.is_empty(), "{:?}", strike.arguments);
    let killed = attacks
        .iter()
        .find(|e| e.triggers.iter().any(|t| t.text == "killed"))
        .unwrap();
    assert!(
        killed.triggers.iter().any(|t| t.text == "attacks"),
        "{:?}",
        killed.triggers
    );
    // Who tells of it after a comma is no target.
    let ex = run("Gunmen opened fire on Thursday, Iranian officials said.");
    assert!(
        !args_all(&ex).iter().any(|(_, r, _)| r == "target"),
        "{:?}",
        args_all(&ex)
    );
    // Nor is a speaker with a title, or a body named by "according to"; what was hit stays.
    for text in [
        "Drones struck the airport in Port Sudan, military spokesman Nabil Abdallah said.",
        "Drones struck the airport in Port Sudan, according to army spokesman Nabil Abdallah.",
    ] {
        let ex = run(text);
        assert!(
            !has(&ex, "Attack", "target", "Nabil Abdallah"),
            "{text}: {:?}",
            args_all(&ex)
        );
        assert!(
            has(&ex, "Attack", "target", "airport"),
            "{text}: {:?}",
            args_all(&ex)
        );
    }
    // "in response to rocket fire from Hamas": the rockets are Hamas's, fired by Hamas.
    let ex = run("Israel struck Gaza in response to rocket fire from Hamas.");
    let struck = ex
        .events
        .iter()
        .find(|e| e.triggers.iter().any(|t| t.text == "struck"))
        .unwrap();
    assert!(
        !struck.arguments.iter().any(|a| a.text == "rocket"),
        "{:?}",
        struck.arguments
    );
    assert!(has(&ex, "Attack", "actor", "Hamas"), "{:?}", args_all(&ex));
    // Footage is shot with a camera.
    let t = triggers(&run("Footage shot on June 18 shows missiles over Syria."));
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn mentions_told_apart_by_place_stay_two_events() {
    // Unnamed victims in one sentence, two places: two shootings.
    let ex = run(
        "Two men were shot dead by police in Louisiana; five officers were then shot at a rally in Texas.",
    );
    let attacks = ex
        .events
        .iter()
        .filter(|e| e.kind.to_string() == "Attack")
        .count();
    assert_eq!(attacks, 2, "{:?}", ex.events);
}

#[test]
fn who_claims_or_is_blamed_for_an_attack_is_its_actor() {
    // A claim names who did it; a demonym before a group's name only qualifies it.
    let ex = run(
        "Gunmen killed 12 soldiers. It was an attack claimed by the Somali militant group al-Shabab.",
    );
    assert!(
        has(&ex, "Attack", "actor", "al-Shabab"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        !args_all(&ex).iter().any(|(_, _, a)| a == "Somali"),
        "{:?}",
        args_all(&ex)
    );
    // The claim does not reach a verb's object: al-Shabab is not what the gunmen hit.
    let ex = run(
        "Gunmen attacked workers in Mandera County on Tuesday, an attack claimed by al-Shabab.",
    );
    assert!(
        !has(&ex, "Attack", "target", "al-Shabab"),
        "{:?}",
        args_all(&ex)
    );
    // Whom an attack is blamed on is said to have done it, not to have suffered it.
    let ex = run("Gunmen killed 12 soldiers. Officials blamed the attack on the Taliban.");
    assert!(
        has(&ex, "Attack", "actor", "Taliban"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        !has(&ex, "Attack", "target", "Taliban"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_subject_pronoun_opening_an_adverbial_clause_is_the_main_subject() {
    let ex = run(
        "Saudi minister Adel al-Jubeir met army chief Asim Munir in Rawalpindi, a day after he \
         held talks with Indian officials in New Delhi.",
    );
    let talks = ex
        .events
        .iter()
        .find(|e| e.triggers.iter().any(|t| t.text == "talks"))
        .expect("the talks");
    let names: Vec<String> = talks
        .arguments
        .iter()
        .filter_map(|a| a.entity.as_ref())
        .filter_map(|id| ex.entities.iter().find(|e| &e.id == id))
        .map(|e| e.name.clone())
        .collect();
    assert!(
        names.contains(&"Adel al-Jubeir".to_string()) && !names.contains(&"Asim Munir".to_string()),
        "{names:?}"
    );
}

#[test]
fn a_pronoun_after_said_is_the_speaker() {
    // "they" is the police who speak, not the state named before.
    let ex = run(
        "Protesters threw stones at the U.S. embassy. Police said they arrested about two dozen protesters.",
    );
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(k, r, _)| k == "Arrest" && r == "actor"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Pakistan said it struck militant hideouts in Iran.");
    assert!(
        has(&ex, "Attack", "actor", "Pakistan"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Militants attacked a post. Iranian officials said they arrested two of them.");
    assert!(
        has(&ex, "Arrest", "actor", "Iranian"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_participle_describing_a_name_and_a_deed_as_setting_have_no_actor_or_target() {
    let ex = run(
        "Tintori’s shirt bears a likeness of her husband, jailed opposition leader Leopoldo Lopez.",
    );
    assert!(
        has(&ex, "Arrest", "target", "Leopoldo Lopez"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        !has(&ex, "Arrest", "actor", "Tintori"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Police officers escort men arrested in a raid on a sauna in Jakarta.");
    assert!(
        !args_all(&ex).iter().any(|(_, _, a)| a.contains("raid")),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_date_is_no_target_and_a_plea_in_court_no_appeal() {
    let ex = run(
        "The bombing was an attack on 13 September 1974 at a cafe in Madrid which killed 13 people.",
    );
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(_, _, a)| a.contains("September")),
        "{:?}",
        args_all(&ex)
    );
    let t = triggers(&run("Dzhokhar Tsarnaev pleaded not guilty on Monday."));
    assert!(!t.iter().any(|(k, _)| k == "Appeal"), "{t:?}");
}

#[test]
fn who_reports_an_attack_did_not_carry_it_out() {
    for text in [
        "Afghanistan’s largest television station has reported last Friday’s assault by the Taliban on an army base.",
        "Afghanistan’s largest television station has reported an assault on an army base.",
    ] {
        let ex = run(text);
        assert!(
            !has(&ex, "Attack", "actor", "Afghanistan"),
            "{text}: {:?}",
            args_all(&ex)
        );
    }
    // A verb that does it still gives the actor, with or without "have".
    let ex = run("The Taliban have launched an assault on the base.");
    assert!(
        has(&ex, "Attack", "actor", "Taliban"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn unnamed_subjects_carry_over_and_keep_events_apart() {
    // "and" passes the unnamed subject on to the next verb.
    let ex = run("Gunmen killed two guards. Police raided the house and arrested two men.");
    assert!(has(&ex, "Arrest", "actor", "Police"), "{:?}", args_all(&ex));
    // So does a comma series of verbs with objects, named or not.
    let ex = run(
        "Gunmen killed two guards. Police raided the house, arrested two men and seized weapons.",
    );
    assert!(has(&ex, "Arrest", "actor", "Police"), "{:?}", args_all(&ex));
    let ex = run("Iranian forces raided the camp, detained three militants and burned tents.");
    assert!(
        has(&ex, "Arrest", "actor", "Iranian forces"),
        "{:?}",
        args_all(&ex)
    );
    // Different actors in one sentence make different events.
    let ex =
        run("Backed by U.S.-led coalition airstrikes, Iraqi forces fought fiercely for weeks.");
    assert_eq!(
        ex.events
            .iter()
            .filter(|e| e.kind.to_string() == "Attack")
            .count(),
        2,
        "{:?}",
        ex.events
    );
    let ex = run("Gunmen killed two guards. Police fired tear gas and protesters threw stones.");
    let fired = ex
        .events
        .iter()
        .find(|e| e.triggers.iter().any(|t| t.text == "fired"))
        .unwrap();
    assert!(
        !fired.triggers.iter().any(|t| t.text == "threw"),
        "{:?}",
        ex.events
    );
}

#[test]
fn subjects_past_an_aside_or_a_first_verb_and_weapons_only_for_force() {
    // A subject set off from its verb by an aside.
    let ex = run("The militants, armed with rifles and grenades, attacked a police post.");
    assert!(
        has(&ex, "Attack", "actor", "militants"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Two men, suspected of links to the group, were arrested on Sunday.");
    assert!(has(&ex, "Arrest", "target", "men"), "{:?}", args_all(&ex));
    // A name after the first of two verbs is its object, not the second's subject.
    let ex = run("Iranian forces boarded the U.S. vessels and detained ten sailors.");
    assert!(
        has(&ex, "Arrest", "actor", "Iranian forces"),
        "{:?}",
        args_all(&ex)
    );
    assert!(!has(&ex, "Arrest", "actor", "U.S."), "{:?}", args_all(&ex));
    // Boats are no instrument of an arrest.
    assert!(
        !args_all(&ex).iter().any(|a| a.1 == "instrument"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_section_heading_names_no_event() {
    let t = triggers(&run(
        "Sniper Kills Five Officers in Dallas\nA sniper shot dead five police officers on Thursday.\nDetails of attack-Dallas Mayor Rawlings confirmed that the shooting was carried out by a lone gunman.",
    ));
    assert!(!t.iter().any(|(_, w)| w == "attack"), "{t:?}");
    assert!(t.iter().any(|(_, w)| w == "shooting"), "{t:?}");
    // Wiki and markdown headings.
    let t = triggers(&run(
        "Bombs exploded in Madrid on Friday.\n\n==The attack==\nThe bomb was placed at the \
         entrance.\n\n==Responses and arrests==\nPolice arrested two men.\n\n## Responses and arrests\n\nNone.",
    ));
    assert_eq!(
        t.iter().map(|(_, w)| w.as_str()).collect::<Vec<_>>(),
        ["exploded", "arrested"]
    );
}

#[test]
fn a_second_verb_keeps_its_object_and_setting_and_a_subject_may_carry_a_place() {
    // Condemning strikes neither makes Yemen their author nor the envoy their target, and
    // where the envoy was summoned is not where they fell.
    let ex = run(
        "Yemen's government condemned the strikes and summoned the Israeli chargé d'affaires in Cairo.",
    );
    let strikes: Vec<_> = args_all(&ex)
        .into_iter()
        .filter(|a| a.0 == "Attack")
        .collect();
    assert!(strikes.is_empty(), "{strikes:?}");
    assert!(has(&ex, "Meeting", "place", "Cairo"), "{:?}", args_all(&ex));
    // "Police in Sanaa arrested": the place phrase belongs to the subject, and says where.
    let ex = run("Police in Sanaa arrested dozens of protesters on Tuesday.");
    assert!(has(&ex, "Arrest", "actor", "Police"), "{:?}", args_all(&ex));
    assert!(has(&ex, "Arrest", "place", "Sanaa"), "{:?}", args_all(&ex));
    // A phrase cannot run on past "ahead of".
    let ex = run("Police in Dhaka arrested 20 opposition activists ahead of the rally.");
    assert!(
        has(&ex, "Arrest", "target", "opposition activists"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Troops near the border fired on the crowd.");
    assert!(has(&ex, "Attack", "actor", "Troops"), "{:?}", args_all(&ex));
}

/// The event with a trigger of this text.
fn of_in<'a>(ex: &'a Extraction, w: &str) -> &'a crate::model::EventRecord {
    ex.events
        .iter()
        .find(|e| e.triggers.iter().any(|t| t.text == w))
        .unwrap_or_else(|| panic!("{w}: {:?}", ex.events))
}

#[test]
fn a_stretch_of_days_dates_the_event_it_belongs_to() {
    // Published Friday 2024-03-08: last week is 26 February to 3 March.
    let ex = run(
        "Police in Srinagar detained two suspects last week in connection with the Pahalgam attack.",
    );
    let of = |w: &str| {
        ex.events
            .iter()
            .find(|e| e.triggers.iter().any(|t| t.text == w))
            .unwrap_or_else(|| panic!("{w}: {:?}", ex.events))
    };
    let period = of("detained").period.clone().expect("a period");
    assert_eq!(
        (period.start.as_str(), period.end.as_str()),
        ("2024-02-26", "2024-03-03")
    );
    assert_eq!(of("detained").date, None);
    // Nor did it happen where the attack it is connected with did.
    assert!(
        !of("detained")
            .arguments
            .iter()
            .any(|a| a.text == "Pahalgam"),
        "{:?}",
        ex.events
    );
    // A possessive date dates its own noun only, and the deed a group is blamed for is
    // another event.
    let ex = run("Troops raided camps of the group blamed for last month's bombing.");
    let raid = of_in(&ex, "raided");
    assert!(raid.period.is_none(), "{:?}", ex.events);
    assert!(
        !raid.triggers.iter().any(|t| t.text == "bombing"),
        "{:?}",
        ex.events
    );
    assert!(of_in(&ex, "bombing").period.is_some(), "{:?}", ex.events);
    // A relative clause on something else ("camps …, which it blames for …") tells
    // nothing more of the event before it.
    let ex = run(
        "New Delhi said the strikes, dubbed Operation Sindoor, targeted camps of \
         Jaish-e-Mohammed and Lashkar-e-Taiba, which it blames for last month's attack in \
         Pahalgam that killed 26 tourists.",
    );
    let hit = of_in(&ex, "targeted");
    assert!(
        !hit.triggers.iter().any(|t| t.text == "attack") && hit.period.is_none(),
        "{:?}",
        ex.events
    );
    // A known event takes no date its sentence gives what it reports.
    let ex = run("Police said on Monday they were investigating the bombing in Quetta.");
    assert_eq!(of_in(&ex, "bombing").date, None);
}

#[test]
fn meeting_people_clauses_that_close_and_counts_of_people() {
    // "met opposition leaders" meets people; "met stiff opposition" meets none.
    let t = triggers(&run(
        "Kaja Kallas met opposition leaders in Brussels on Friday.",
    ));
    assert_eq!(t, [("Meeting".to_string(), "met".to_string())]);
    assert!(triggers(&run("The proposal met stiff opposition.")).is_empty());
    // A relative clause closed by its comma no longer speaks of the antecedent.
    let ex = run(
        "President Salome Zourabichvili, who is at odds with the government, condemned the \
         arrest of 43 protesters.",
    );
    assert!(
        !has(&ex, "Arrest", "actor", "Salome Zourabichvili"),
        "{:?}",
        args_all(&ex)
    );
    // A count is part of who acted.
    let ex = run("Tens of thousands of protesters rallied outside the parliament in Tbilisi.");
    assert!(
        has(&ex, "Protest", "actor", "Tens of thousands of protesters"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn who_comes_under_attack_is_its_target() {
    let ex = run("Kobani has been under assault by Islamic State militants since September.");
    assert!(
        has(&ex, "Attack", "actor", "Islamic State militants"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Iraqi forces came under fire from Islamic State militants in Mosul.");
    assert!(
        has(&ex, "Attack", "actor", "Islamic State militants"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        has(&ex, "Attack", "target", "forces"),
        "{:?}",
        args_all(&ex)
    );
    // Who reports it did not do it.
    let ex = run(
        "Colonel John Dorrian said Wednesday that coalition troops have come under attack near Mosul.",
    );
    assert!(
        !args_all(&ex).iter().any(|a| a.1 == "actor"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_cue_ruled_out_by_its_context_leaves_the_words_to_another_kind() {
    // "called on X to do Y" is an appeal, "called on the emir" a courtesy call.
    let t = triggers(&run(
        "The governor called on the Attorney General's office to investigate Angel Sarmiento.",
    ));
    assert_eq!(t, [("Appeal".to_string(), "called".to_string())]);
    let t = triggers(&run(
        "Prime Minister Shehbaz Sharif called on Emir Tamim bin Hamad Al Thani in Doha.",
    ));
    assert_eq!(t, [("Meeting".to_string(), "called".to_string())]);
    // Consulting papers is no meeting; consulting with a state is.
    let t = triggers(&run(
        "There is nothing here, said Timothy McElroy, consulting court papers.",
    ));
    assert!(t.is_empty(), "{t:?}");
    let t = triggers(&run("Pakistan consulted with Iran on the border."));
    assert_eq!(t, [("Meeting".to_string(), "consulted".to_string())]);
    // What nearly happened did not.
    let t = triggers(&run(
        "An RAF Chinook helicopter was nearly downed near Hampshire on Monday.",
    ));
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn a_passive_subject_may_stand_before_a_relative_clause() {
    // Past a relative clause with its own verb, the subject is its antecedent.
    let ex = run("The man who attacked the officers was arrested in Dallas on Friday.");
    assert!(has(&ex, "Arrest", "target", "man"), "{:?}", args_all(&ex));
    assert!(
        !has(&ex, "Arrest", "target", "officers"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("The gunman who attacked Senator Raza Rabbani was arrested in Karachi.");
    assert!(
        !has(&ex, "Arrest", "target", "Raza Rabbani"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        has(&ex, "Arrest", "target", "gunman"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("The suspect, who stabbed two police officers, was detained in Paris.");
    assert!(
        has(&ex, "Arrest", "target", "suspect"),
        "{:?}",
        args_all(&ex)
    );
    // The relative clause's own passive.
    let ex = run("Police said the men who were detained in Karachi belonged to the TTP.");
    assert!(has(&ex, "Arrest", "target", "men"), "{:?}", args_all(&ex));
    // A clause reported inside the relative clause keeps its own subject.
    let ex = run("Officials who reported the suspects were detained in Lahore spoke Monday.");
    assert!(
        has(&ex, "Arrest", "target", "suspects"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn the_other_side_of_a_clash_and_the_doer_of_another_deed() {
    let ex = run("The Pakistani army clashed with Taliban fighters near the border.");
    assert!(
        has(&ex, "Attack", "target", "Taliban fighters"),
        "{:?}",
        args_all(&ex)
    );
    // Fighting with someone may be fighting beside them.
    let ex = run(
        "He said the battle for al-Bab revealed shortcomings in the Free Syrian Army, the \
         rebel group fighting with Turkish forces in Syria.",
    );
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(_, r, t)| r == "target" && t.contains("Turk")),
        "{:?}",
        args_all(&ex)
    );
    // "brokered by Qatar": Qatar brokered; it is not what the parties agreed with.
    let ex = run("Israel and Hamas agreed to a ceasefire brokered by Qatar.");
    assert!(
        !has(&ex, "IntentToCooperate", "target", "Qatar"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        has(&ex, "MediationOffer", "actor", "Qatar"),
        "{:?}",
        args_all(&ex)
    );
    // A meeting attended by people in a city still happened there.
    let ex = run(
        "The issue was debated at a tense city council meeting attended by hundreds of \
         citizens in the embattled city of Charlotte.",
    );
    assert!(
        has(&ex, "Meeting", "place", "Charlotte"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn compounds_and_fixed_phrases_of_diplomacy() {
    // The head of "artillery fire" is the trigger, and fire is not what was hit.
    let ex = run("India and Pakistan exchanged artillery fire across the Line of Control.");
    assert_eq!(triggers(&ex), [("Attack".to_string(), "fire".to_string())]);
    // A courtesy call on a prince is a meeting.
    let ex = run("General Asim Munir called on Saudi Crown Prince Mohammed bin Salman in Riyadh.");
    assert!(
        has(&ex, "Meeting", "participant", "Mohammed bin Salman"),
        "{:?}",
        args_all(&ex)
    );
    // Who tells of it after a comma is no part of it, with or without "the".
    let ex = run("Security forces killed five terrorists in Khyber district, the ISPR said.");
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(_, r, t)| r == "target" && t.contains("ISPR")),
        "{:?}",
        args_all(&ex)
    );
    // An envoy recalled "for consultations" meets nobody.
    let t = triggers(&run(
        "Iran has recalled its ambassador from Islamabad for consultations.",
    ));
    assert_eq!(
        t,
        [("RecallAmbassador".to_string(), "recalled".to_string())]
    );
}

#[test]
fn a_deed_protested_and_a_clause_after_a_comma_keep_their_own_parties_and_places() {
    let ex = run(
        "Pakistan lodged a strong protest over the killing of civilians in Muzaffarabad \
         and Kotli.",
    );
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(k, r, _)| k == "Protest" && (r == "target" || r == "place")),
        "{:?}",
        args_all(&ex)
    );
    let ex = run(
        "The Security Council held an emergency meeting on Sunday, and U.N. \
         Secretary-General Antonio Guterres urged Rwanda to withdraw its forces.",
    );
    assert!(
        !has(&ex, "Meeting", "participant", "Antonio Guterres"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run(
        "Oman, which had been mediating nuclear talks between Tehran and Washington, said the \
         talks scheduled for Sunday in Muscat would not take place.",
    );
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(_, r, x)| r == "place" && x == "Muscat"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run(
        "Protesters in Kinshasa attacked the embassies of Rwanda and France on Tuesday, \
         accusing Western countries of failing to rein in Kigali.",
    );
    assert!(
        has(&ex, "Attack", "place", "Kinshasa") && !has(&ex, "Attack", "place", "Kigali"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_visited_capital_stands_for_its_state_and_every_doer_after_by_acts() {
    let ex = run(
        "Pakistan said Iran's Foreign Minister Abbas Araghchi arrived in Islamabad on a \
         two-day visit.",
    );
    assert!(
        has(&ex, "Visit", "target", "Pakistan"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("The talks were mediated by Qatar and Turkey.");
    assert!(
        has(&ex, "MediationOffer", "actor", "Qatar")
            && has(&ex, "MediationOffer", "actor", "Turkey"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn bombs_dropped_and_strikes_responded_with_are_attacks_by_the_subject() {
    let ex = run("Cambodia said Thai jets had dropped bombs on a road near the temple.");
    assert!(
        has(&ex, "Attack", "actor", "Thai jets"),
        "{:?}",
        args_all(&ex)
    );
    let t = triggers(&run("The planes dropped leaflets over the city."));
    assert!(t.is_empty(), "{t:?}");
    let ex = run(
        "The army said Thailand had responded with air strikes on two Cambodian \
         military positions.",
    );
    assert!(
        has(&ex, "Attack", "actor", "Thailand"),
        "{:?}",
        args_all(&ex)
    );
    // "the Ta Muen Thom temple": a name that qualifies a kind of place is a place.
    let ex = run("Cambodian forces opened fire on a Thai patrol near the Ta Muen Thom temple.");
    assert!(
        has(&ex, "Attack", "place", "Ta Muen Thom"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn in_an_object_relative_clause_the_pronoun_acts_on_the_antecedent() {
    let ex = run(
        "Pakistan has demanded that Kabul act against the TTP, which it accuses of \
         carrying out attacks from Afghan soil.",
    );
    assert!(
        has(&ex, "Accusation", "actor", "Pakistan") && has(&ex, "Accusation", "target", "TTP"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run(
        "Turkey wants the United States to extradite the cleric. It took the \
         opportunity to press for the extradition of the U.S.-based cleric Fethullah Gulen, who \
         it accuses of masterminding the coup attempt.",
    );
    assert!(
        has(&ex, "Accusation", "target", "Fethullah Gulen")
            && has(&ex, "Accusation", "actor", "Turkey"),
        "{:?}",
        args_all(&ex)
    );
    // "that" after a verb of saying opens what is said, not a relative clause.
    let ex = run("A friend told the BBC that he warned police about the man.");
    assert!(!has(&ex, "Threat", "target", "BBC"), "{:?}", args_all(&ex));
}

#[test]
fn a_gap_in_a_cue_does_not_cross_the_verb_of_another_event() {
    let ex = run("Oman has mediated talks between Iran and the United States.");
    assert!(
        has(&ex, "MediationOffer", "actor", "Oman"),
        "{:?}",
        args_all(&ex)
    );
    let t = triggers(&run("Pakistan has held talks with Iran."));
    assert!(t.iter().any(|(k, _)| k == "Meeting"), "{t:?}");
}

#[test]
fn whoever_mediates_talks_is_their_mediator_not_a_party() {
    let ex = run("Oman mediated talks between Iran and the United States.");
    assert!(
        args_all(&ex)
            .iter()
            .any(|(k, r, x)| k != "MediationOffer" && r == "mediator" && x == "Oman")
            && !args_all(&ex)
                .iter()
                .any(|(_, r, x)| r == "participant" && x == "Oman"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Iran and the United States held talks brokered by Oman in Muscat.");
    assert!(
        has(&ex, "Meeting", "mediator", "Oman"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn nobody_is_the_target_of_its_own_act_once_mentions_merge() {
    let ex = run(
        "Somalia expelled Ethiopia's ambassador on Thursday. Somali Prime Minister \
         Hamza Abdi Barre gave the envoy 72 hours to leave the country.",
    );
    assert!(
        has(&ex, "Expulsion", "target", "Ethiopia")
            && !args(&ex)
                .iter()
                .any(|(k, r, x)| k == "Expulsion" && r == "target" && x.contains("country")),
        "{:?}",
        args_all(&ex)
    );
    // What an accusation says is no second accusation by the accused.
    let t = triggers(&run(
        "Iran accused Washington of complicity in the attacks.",
    ));
    assert_eq!(
        t.iter().filter(|(k, _)| k == "Accusation").count(),
        1,
        "{t:?}"
    );
}

#[test]
fn an_armed_group_a_blow_comes_from_stands_right_after_it() {
    let ex = run("Israeli towns came under rocket fire from Hamas on Monday.");
    assert!(has(&ex, "Attack", "actor", "Hamas"), "{:?}", args_all(&ex));
    let ex = run(
        "Iraqi forces prepare for a final assault to retake the city from the Islamic \
         State group.",
    );
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(_, r, x)| r == "actor" && x.contains("Islamic State")),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_recall_or_a_break_is_aimed_at_the_state_the_envoy_leaves() {
    let ex = run("The Democratic Republic of Congo on Monday recalled its ambassador from Rwanda.");
    assert!(
        has(&ex, "RecallAmbassador", "target", "Rwanda")
            && !has(&ex, "RecallAmbassador", "place", "Rwanda"),
        "{:?}",
        args_all(&ex)
    );
    // "Congo" alone is the larger Congo of the wires.
    let ex = run(
        "Foreign Minister Therese Kayikwamba Wagner said Congo had severed diplomatic \
         ties with Rwanda.",
    );
    assert!(
        has(&ex, "RecallAmbassador", "actor", "Congo")
            && has(&ex, "RecallAmbassador", "target", "Rwanda"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        ex.entities
            .iter()
            .any(|e| e.name == "Democratic Republic of the Congo"),
        "{:?}",
        ex.entities
    );
}

#[test]
fn a_headline_clause_in_the_present_tense_keeps_its_own_arguments() {
    // "as M23 rebels seize": another clause, whose names are no places of the recall; what
    // the rebels seize stands inside the cue.
    let ex = run("Congo recalls envoy from Kigali as M23 rebels seize Goma airport");
    assert!(
        !has(&ex, "RecallAmbassador", "place", "M23")
            && !has(&ex, "RecallAmbassador", "place", "Goma"),
        "{:?}",
        args_all(&ex)
    );
    assert!(has(&ex, "Attack", "place", "Goma"), "{:?}", args_all(&ex));
    // What is launched is used, and what follows it is no object of the launch.
    let ex = run("A missile launched from a drone struck a convoy carrying the judge.");
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(_, _, x)| x.starts_with("struck")),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn people_of_someone_named_are_the_ones_held() {
    let ex = run("Hundreds of supporters of Imran Khan were arrested after the riots.");
    assert!(
        has(
            &ex,
            "Arrest",
            "target",
            "Hundreds of supporters of Imran Khan"
        ),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Members of the Taliban were detained in Quetta.");
    assert!(
        has(&ex, "Arrest", "target", "Members of the Taliban"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn storming_a_building_is_force_and_a_storm_is_weather() {
    let ex = run("Protesters stormed the parliament building in Colombo on Saturday.");
    assert!(
        has(&ex, "Attack", "actor", "Protesters"),
        "{:?}",
        args_all(&ex)
    );
    let t = triggers(&run("A storm lashed the coast of Sindh on Saturday."));
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn past_a_closed_relative_clause_its_antecedent_acts_again() {
    let ex =
        run("Saudi Arabia, which has been at war with the Houthis since 2015, urged restraint.");
    assert!(
        has(&ex, "Appeal", "actor", "Saudi Arabia"),
        "{:?}",
        args_all(&ex)
    );
    let ex =
        run("The Brotherhood, which demands Morsi's reinstatement, accuses the army of a coup.");
    assert!(
        has(&ex, "Accusation", "actor", "Brotherhood"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        !has(&ex, "Accusation", "actor", "Morsi"),
        "{:?}",
        args_all(&ex)
    );
    // "which" after a comma stands for a party; without one it may stand for the event.
    let ex = run("Oman, which has mediated between Washington and the Houthis, hosted talks.");
    assert!(
        has(&ex, "MediationOffer", "actor", "Oman"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("The bombing was an attack at a cafe in Madrid, Spain which killed 13 people.");
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(_, r, t)| r == "actor" && t == "Spain"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn an_arrest_takes_someone() {
    for text in [
        "A police officer picks up a weapon from the scene of the shooting in Karachi.",
        "Cruz on Wednesday picked up the endorsement of Jeb Bush in Florida.",
        "Police crackdowns on opposition activists in Tehran drew condemnation.",
    ] {
        let t = triggers(&run(text));
        assert!(!t.iter().any(|(k, _)| k == "Arrest"), "{text}: {t:?}");
    }
    let ex = run("Police picked up three suspects in Karachi on Monday.");
    assert!(
        has(&ex, "Arrest", "target", "suspects"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn plans_and_kinds_of_events_did_not_happen() {
    for text in [
        // A plan, even inside a cue, and any meeting at all.
        "Sharif and Modi agreed to hold a future bilateral meeting in Delhi.",
        "As a precondition for any future meetings with the rebels, Kyiv wants a plan.",
        "Russia wants to be included in any consultations with Iran.",
        // Force still to come.
        "The minister said the suspects will also be arrested in Lahore.",
        "Israel will strike Iranian nuclear sites, the official said.",
    ] {
        let t = triggers(&run(text));
        assert!(t.is_empty(), "{text}: {t:?}");
    }
    // "any" that qualifies another noun leaves the event alone.
    let t = triggers(&run(
        "Hamas denied any part in attacks on Israeli troops in Gaza.",
    ));
    assert!(t.iter().any(|(k, _)| k == "Attack"), "{t:?}");
    // A meeting announced is scheduled, and "will condemn" says nothing of the attack.
    let t = triggers(&run("Dar will meet with Wang Yi in Beijing on Monday."));
    assert_eq!(t, [("Meeting".to_string(), "meet".to_string())]);
    let t = triggers(&run(
        "Pakistan will condemn the attack by India on Muridke at the United Nations.",
    ));
    assert!(t.iter().any(|(k, _)| k == "Attack"), "{t:?}");
    // The future of talks is no future talk.
    let t = triggers(&run(
        "Officials doubted the future of the meeting between Dar and Wang Yi in Beijing.",
    ));
    assert_eq!(t, [("Meeting".to_string(), "meeting".to_string())]);
}

#[test]
fn a_by_phrase_past_another_event_noun_names_that_events_doer() {
    let ex = run(
        "The shots rang out at the end of a peaceful demonstration against the killing of two \
         men by police officers.",
    );
    assert!(
        !has(&ex, "Protest", "actor", "police officers"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run(
        "Students held a demonstration against the arrest of two activists by the Interior \
         Ministry.",
    );
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(kind, _, text)| kind == "Protest" && text == "Interior Ministry"),
        "{:?}",
        args_all(&ex)
    );
    // The deed's own death is no other event.
    let ex = run(
        "Protesters marked the anniversary of the shooting death of Michael Brown by a police officer.",
    );
    assert!(
        has(&ex, "Attack", "actor", "police officer"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn the_patient_right_before_a_passive_is_its_subject() {
    let ex = run("A photo released by the Interior Ministry shows a man being arrested.");
    assert!(has(&ex, "Arrest", "target", "man"), "{:?}", args_all(&ex));
    assert!(
        !has(&ex, "Arrest", "target", "Interior Ministry"),
        "{:?}",
        args_all(&ex)
    );
    // A name in brackets still qualifies the people after it.
    let ex = run("Popular Mobilization Forces (PMF) members insist they will enter the city.");
    assert!(has(&ex, "Appeal", "actor", "PMF"), "{:?}", args_all(&ex));
}

#[test]
fn speaking_with_a_party_is_a_consultation_but_speaking_to_the_press_is_not() {
    // Officials of two states speaking with nowhere to meet do so by phone.
    let ex = run("Defense Secretary Lloyd Austin spoke with his British counterpart on Tuesday.");
    assert!(
        has(&ex, "Call", "participant", "Lloyd Austin")
            && has(&ex, "Call", "participant", "British"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Foreign Minister Ishaq Dar spoke with Iranian Foreign Minister Abbas Araghchi.");
    assert!(
        has(&ex, "Call", "participant", "Abbas Araghchi"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Foreign Minister Ishaq Dar spoke with Abbas Araghchi in Tehran.");
    assert!(
        has(&ex, "Meeting", "participant", "Abbas Araghchi"),
        "{:?}",
        args_all(&ex)
    );
    for text in [
        "Prime Minister Shehbaz Sharif spoke with Reuters on Monday.",
        "President Donald Trump spoke to reporters at the White House.",
        "Speaking to the media Friday, Selahattin Demirtas urged the government to end the raids.",
    ] {
        let ex = run(text);
        assert!(
            !ex.events.iter().any(|e| e.kind.to_string() == "Meeting"),
            "{text}: {:?}",
            args_all(&ex)
        );
    }
}

#[test]
fn an_unnamed_counterpart_stands_for_the_state_of_the_demonym() {
    let ex = run("Foreign Minister Ishaq Dar held talks with his Iranian counterpart on Monday.");
    assert!(
        has(&ex, "Meeting", "participant", "Iranian"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run(
        "Foreign Minister Ishaq Dar held talks with his Iranian counterpart, Abbas Araghchi, on \
         Monday.",
    );
    assert!(
        has(&ex, "Meeting", "participant", "Abbas Araghchi")
            && !has(&ex, "Meeting", "participant", "Iranian"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn one_call_in_a_sentence_however_many_words_name_it() {
    let ex = run("In a phone call, Blinken talked with Saudi Foreign Minister Faisal bin Farhan.");
    let calls = ex
        .events
        .iter()
        .filter(|e| e.kind.to_string() == "Call")
        .count();
    assert_eq!(calls, 1, "{:?}", args_all(&ex));
}

#[test]
fn a_series_passes_its_subject_on_past_an_adverb() {
    let ex =
        run("Prime Minister Shehbaz Sharif met Modi in Delhi and later met Xi Jinping in Beijing.");
    let meetings: Vec<Vec<String>> = ex
        .events
        .iter()
        .filter(|e| e.kind.to_string() == "Meeting")
        .map(|e| e.arguments.iter().map(|a| a.text.clone()).collect())
        .collect();
    assert_eq!(meetings.len(), 2, "{meetings:?}");
    // "later" before an irregular past is past too.
    let ex = run("Foreign Minister Musalia Mudavadi later spoke by phone with Ali Youssef.");
    assert!(
        has(&ex, "Call", "participant", "Ali Youssef"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        meetings[1].contains(&"Xi Jinping".to_string())
            && meetings[1].contains(&"Shehbaz Sharif".to_string())
            && !meetings[0].contains(&"Beijing".to_string()),
        "{meetings:?}"
    );
    // The subject of a call passes on to the next verb.
    let ex =
        run("President Joe Biden spoke with Netanyahu by phone on Sunday and pledged support.");
    assert!(
        has(&ex, "IntentToCooperate", "actor", "Joe Biden"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn the_dateline_and_its_agency_act_in_nothing() {
    for text in [
        "SANAA, Yemen (AP) — A missile struck a tanker on Friday.",
        "AP — A missile struck a tanker on Friday.",
    ] {
        let ex = run(text);
        assert!(
            ex.events.iter().any(|e| e.kind.to_string() == "Attack")
                && !has(&ex, "Attack", "actor", "AP"),
            "{text}: {:?}",
            args_all(&ex)
        );
    }
}

#[test]
fn a_cue_between_a_named_agent_and_a_bare_object_is_a_headline_verb() {
    let ex = run("Houthi rebels attack ship in Red Sea as US strikes rebel sites");
    assert!(
        has(&ex, "Attack", "target", "ship") && !has(&ex, "Attack", "instrument", "ship"),
        "{:?}",
        args_all(&ex)
    );
    // "as" before a name that acts opens another clause.
    assert!(
        !has(&ex, "Attack", "place", "US") && !has(&ex, "Attack", "target", "US"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        has(&ex, "Attack", "actor", "US") && has(&ex, "Attack", "target", "rebel sites"),
        "{:?}",
        args_all(&ex)
    );
    // Not in a title-case headline, where every word looks like a name.
    let ex = run(
        "Trump Outrage at Syria Attack Sparks Speculation of Retaliation-WHITE HOUSE — U.S. \
         officials have expressed outrage at the chemical weapons attack in Syria.",
    );
    assert!(has(&ex, "Attack", "actor", "Syria"), "{:?}", args_all(&ex));
}

#[test]
fn what_a_blow_lands_on_is_its_target_even_a_ship() {
    let ex = run("SANAA, Yemen (AP) — A missile struck a ship in the Red Sea on Friday.");
    assert!(
        has(&ex, "Attack", "target", "ship") && has(&ex, "Attack", "instrument", "missile"),
        "{:?}",
        args_all(&ex)
    );
    // What is fired is used, not hit.
    let ex = run("The attackers detonated explosives on Friday.");
    assert!(
        !has(&ex, "Attack", "target", "explosives"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn the_body_a_name_qualifies_does_not_end_a_coordination() {
    let ex = run("Oman hosted talks between a Houthi delegation and Saudi officials in Muscat.");
    assert!(
        has(&ex, "Meeting", "participant", "Houthi") && has(&ex, "Meeting", "participant", "Saudi"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn weapons_stay_in_the_clause_that_as_opens() {
    let ex = run("Israeli jets struck Gaza as Hamas fired rockets at Tel Aviv.");
    let of = |actor: &str| -> Vec<String> {
        ex.events
            .iter()
            .filter(|e| {
                e.arguments
                    .iter()
                    .any(|a| a.role.to_string() == "actor" && a.text == actor)
            })
            .flat_map(|e| e.arguments.iter())
            .filter(|a| a.role.to_string() == "instrument")
            .map(|a| a.text.clone())
            .collect()
    };
    assert_eq!(
        of("Israeli jets"),
        vec!["jets".to_string()],
        "{:?}",
        args_all(&ex)
    );
    assert_eq!(
        of("Hamas"),
        vec!["rockets".to_string()],
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn what_fire_is_aimed_at_is_hit() {
    let ex = run("The Houthis fired a missile at a commercial ship in the Red Sea.");
    assert!(
        has(&ex, "Attack", "target", "commercial ship"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Police fired tear gas at protesters in the capital.");
    assert!(
        has(&ex, "Attack", "target", "protesters"),
        "{:?}",
        args_all(&ex)
    );
    // "at least" aims at nothing.
    let ex = run("The brigade detonated at least 20 bombs across the city.");
    assert!(
        !has(&ex, "Attack", "target", "bombs"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        has(&ex, "Attack", "instrument", "bombs"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_place_a_blow_lands_on_is_hit_there() {
    let ex = run("Russian forces invaded Crimea in February 2014.");
    assert!(
        has(&ex, "Attack", "target", "Crimea") && has(&ex, "Attack", "place", "Crimea"),
        "{:?}",
        args_all(&ex)
    );
    // Where a deed is done is only its place.
    let ex = run("Police arrested two men in Karachi on Friday.");
    assert!(
        !has(&ex, "Arrest", "target", "Karachi"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_weapon_word_that_names_a_kind_of_place_is_no_instrument() {
    // What is kept or made in a place is not what hit it.
    let ex = run("Israeli jets targeted Hezbollah weapons depots in the town of Nabatieh.");
    assert!(
        !has(&ex, "Attack", "instrument", "weapons"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Russian missiles hit a drone factory in Lviv.");
    assert!(
        has(&ex, "Attack", "target", "drone factory"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        has(&ex, "Attack", "instrument", "missiles"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_clause_with_its_own_subject_keeps_its_place() {
    for text in [
        "Israeli strikes kill 12 in southern Lebanon as ceasefire talks resume in Cairo",
        "Israeli jets struck several villages on Monday, hours before Lebanese negotiators were due to meet in Cairo.",
    ] {
        let ex = run(text);
        assert!(
            !has(&ex, "Attack", "place", "Cairo"),
            "{text}: {:?}",
            args_all(&ex)
        );
    }
    // What happens when or as the deed is done happens where it is done.
    let ex = run("A man was shot dead when he answered a knock at his door in Deerpark Road.");
    assert!(
        has(&ex, "Attack", "place", "Deerpark Road"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_known_deed_that_names_only_whom_it_hit_is_the_one_reported() {
    let attacks = |text: &str| -> Vec<Vec<String>> {
        run(text)
            .events
            .iter()
            .filter(|e| e.kind.to_string() == "Attack")
            .map(|e| e.triggers.iter().map(|t| t.text.clone()).collect())
            .collect()
    };
    let a = attacks(
        "Israeli jets struck villages in southern Lebanon on Monday. Iran condemned the strikes as a violation of Lebanon's sovereignty.",
    );
    assert_eq!(a, [["struck", "strikes"]], "{a:?}");
    // Strikes on another party are other strikes.
    let a = attacks(
        "Israeli jets struck villages in southern Lebanon on Monday. Iran condemned the strikes on Syria.",
    );
    assert_eq!(a.len(), 2, "{a:?}");
    // A known deed that names nobody is the latest one told before it.
    let a = attacks(
        "Iran fired missiles at Israel on Friday. Israeli jets had struck Iranian nuclear sites hours earlier. Saudi Arabia condemned the strikes.",
    );
    assert_eq!(a, [vec!["fired"], vec!["struck", "strikes"]], "{a:?}");
}

#[test]
fn a_strike_in_a_town_and_in_its_country_by_one_state_is_one_strike() {
    let ex = run(
        "Israeli warplanes struck several villages in southern Lebanon on Monday night. The Israeli military said it targeted Hezbollah weapons depots in the town of Nabatieh, Lebanon.",
    );
    let attacks: Vec<Vec<String>> = ex
        .events
        .iter()
        .filter(|e| e.kind.to_string() == "Attack")
        .map(|e| e.triggers.iter().map(|t| t.text.clone()).collect())
        .collect();
    assert_eq!(attacks, [["struck", "targeted"]], "{:?}", args_all(&ex));
}

#[test]
fn the_country_and_the_group_refer_to_the_state_or_group_named_before() {
    let ex = run(
        "Iran struck targets in Pakistan on Tuesday. The country also recalled its ambassador from Islamabad.",
    );
    assert!(
        has(&ex, "RecallAmbassador", "actor", "country"),
        "{:?}",
        args_all(&ex)
    );
    let iran = ex.entities.iter().find(|e| e.name == "Iran").unwrap();
    assert!(
        iran.mentions.iter().any(|m| m.text == "country"),
        "{:?}",
        iran.mentions
    );
    let ex = run(
        "The Rapid Support Forces shelled El Fasher on Monday. The paramilitary group attacked the army in 2023.",
    );
    let rsf = ex
        .entities
        .iter()
        .find(|e| e.name == "Rapid Support Forces")
        .unwrap();
    assert!(
        rsf.mentions.iter().any(|m| m.text == "paramilitary group"),
        "{:?}",
        rsf.mentions
    );
    // "the government of Kenya" names its state itself.
    let ex = run("Sudan recalled its envoy. The government of Kenya said it regretted the step.");
    let sudan = ex.entities.iter().find(|e| e.name == "Sudan").unwrap();
    assert!(
        !sudan.mentions.iter().any(|m| m.text == "government"),
        "{:?}",
        sudan.mentions
    );
}

#[test]
fn the_progressive_is_active() {
    // "been" before an -ing form makes no passive: the rebels attack, they are not attacked.
    let ex = run("Rebels have been attacking government forces in the north.");
    assert!(has(&ex, "Attack", "actor", "Rebels"), "{:?}", args_all(&ex));
    assert!(
        has(&ex, "Attack", "target", "government forces"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Turkey was urging Germany to act.");
    assert!(has(&ex, "Appeal", "actor", "Turkey"), "{:?}", args_all(&ex));
    // "fighting" after a form of "be" is a verb with a subject and an object.
    let ex = run("Hamas has been fighting Israel since October.");
    assert!(
        has(&ex, "MilitaryCampaign", "actor", "Hamas"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        has(&ex, "MilitaryCampaign", "target", "Israel"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn what_is_coordinated_with_a_target_was_hit_too() {
    let ex = run("Israeli jets hit a school and a hospital in Gaza.");
    assert!(
        has(&ex, "Attack", "target", "school"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        has(&ex, "Attack", "target", "hospital"),
        "{:?}",
        args_all(&ex)
    );
    // What is fired is no target, nor what is fired with it.
    let ex = run("Militants opened fire on the convoy.");
    assert!(
        has(&ex, "Attack", "target", "convoy"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Police fired tear gas and rubber bullets at protesters.");
    assert!(
        has(&ex, "Attack", "target", "protesters"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Security forces have fired rubber bullets, tear gas and water cannons.");
    assert!(
        !args_all(&ex).iter().any(|(_, r, _)| r == "target"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_month_in_a_dateline_is_no_march() {
    let t = triggers(&run(
        "KYIV, March 22 (Reuters) - Russia launched more than 60 missiles at Ukraine overnight.",
    ));
    assert!(t.iter().all(|(k, _)| k != "Protest"), "{t:?}");
}

#[test]
fn a_participle_phrase_after_the_subject_leaves_it_the_subject() {
    let ex =
        run("Terrorists operating from Afghan soil opened fire on a border post late on Saturday.");
    assert!(
        has(&ex, "Attack", "actor", "Terrorists"),
        "{:?}",
        args_all(&ex)
    );
    // A time word ends the phrase of what was hit.
    assert!(
        has(&ex, "Attack", "target", "border post"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn whose_people_acted_acted() {
    let ex = run(
        "The attack by militants of the banned Tehreek-i-Taliban Pakistan (TTP) killed seven soldiers.",
    );
    assert!(
        args(&ex)
            .iter()
            .any(|(k, r, _)| k == "Attack" && r == "actor"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        !args(&ex).iter().any(|(_, r, _)| r == "target"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn attacks_planned_or_plotted_are_plans() {
    for text in [
        "Pakistan accuses the TTP of using Afghan territory to plan attacks.",
        "Police said the men were plotting attacks on churches.",
    ] {
        let t = triggers(&run(text));
        assert!(t.iter().all(|(k, _)| k != "Attack"), "{text}: {t:?}");
    }
}

#[test]
fn who_summons_an_envoy_to_protest_protests() {
    let ex = run("Pakistan summoned Afghanistan's charge d'affaires to lodge a strong protest.");
    assert!(
        has(&ex, "Protest", "actor", "Pakistan") && has(&ex, "Protest", "target", "Afghanistan"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(k, r, x)| k == "Protest" && r == "actor" && x != "Pakistan"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_demonym_names_whose_people_not_where() {
    let ex = run("A bombing near Karachi airport killed two Chinese engineers.");
    assert!(
        !has(&ex, "Attack", "place", "Chinese"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        has(&ex, "Attack", "place", "Karachi"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn one_strike_told_with_a_participle_and_one_summons_told_twice() {
    // ", striking power plants": the participle tells more of the strike before it.
    let ex = run(
        "KYIV, March 22 (Reuters) - Russia launched more than 60 missiles and 90 drones at Ukraine overnight, striking power plants and the country's largest dam, Ukrainian officials said on Friday.",
    );
    let attacks: Vec<_> = ex
        .events
        .iter()
        .filter(|e| e.kind.to_string() == "Attack")
        .collect();
    assert_eq!(attacks.len(), 1, "{:?}", args_all(&ex));
    // Any participle: the sanctioning state accuses.
    let ex = run(
        "The United States imposed sanctions on three Houthi commanders on Wednesday, accusing them of orchestrating attacks on ships.",
    );
    assert!(
        has(&ex, "Accusation", "actor", "United States"),
        "{:?}",
        args_all(&ex)
    );
    // A ministry stands for its state: the headline's summons and the story's are one.
    let ex = run(
        "Pakistan summons Afghan envoy over attack\nPakistan's Foreign Office on Sunday summoned Afghanistan's charge d'affaires to lodge a strong protest.",
    );
    let meetings = ex
        .events
        .iter()
        .filter(|e| e.kind.to_string() == "Meeting")
        .count();
    assert_eq!(meetings, 1, "{:?}", args_all(&ex));
    // The place of a deed told in a relative clause is that deed's: the protest over "an
    // attack by militants that killed seven soldiers in North Waziristan" was not lodged there.
    let ex = run(
        "The Foreign Office summoned the Afghan envoy to lodge a protest over an attack by militants that killed seven soldiers in North Waziristan.",
    );
    assert!(
        !has(&ex, "Protest", "place", "North Waziristan"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        has(&ex, "Attack", "place", "North Waziristan"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_name_that_qualifies_an_area_is_a_place() {
    let ex = run("Terrorists opened fire on a border post in the Ghulam Khan area on Saturday.");
    let e = ex
        .entities
        .iter()
        .find(|e| e.name == "Ghulam Khan")
        .unwrap();
    assert_eq!(e.kind.to_string(), "Place", "{e:?}");
}

#[test]
fn whom_an_accusation_names_inside_its_cue_is_its_target() {
    let ex = run("Yemen accused Tehran of arming the rebels.");
    assert!(
        has(&ex, "Accusation", "target", "Tehran"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn past_a_closed_relative_clause_its_antecedent_acts_with_an_auxiliary_too() {
    let ex = run(
        "The Houthis, who control most of northern Yemen, have threatened to target any vessel linked to Israel.",
    );
    assert!(
        has(&ex, "Threat", "actor", "Houthis"),
        "{:?}",
        args_all(&ex)
    );
    assert!(!has(&ex, "Threat", "actor", "Yemen"), "{:?}", args_all(&ex));
}

#[test]
fn a_named_counterpart_past_an_honorific_is_the_party() {
    let ex = run(
        "Omani Foreign Minister Badr Albusaidi held a phone call with his Saudi counterpart Prince Faisal bin Farhan on Monday.",
    );
    assert!(
        has(&ex, "Call", "participant", "Faisal bin Farhan"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        !has(&ex, "Call", "participant", "Saudi"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_hyphenated_participle_qualifies_what_was_hit() {
    let ex = run("Houthis launched a drone attack on a Greek-owned tanker.");
    assert!(
        has(&ex, "Attack", "target", "Greek-owned tanker"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn what_is_shot_down_was_hit_and_who_says_so_is_no_weapon() {
    let ex = run("Ukraine's air force said it shot down 37 of the missiles.");
    assert!(
        has(&ex, "Attack", "target", "missiles"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        !args_all(&ex).iter().any(|(_, r, _)| r == "instrument"),
        "{:?}",
        args_all(&ex)
    );
    // What it is shot down with was used.
    let ex = run("Jets shot down the drone with missiles.");
    assert!(
        has(&ex, "Attack", "instrument", "missiles"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_second_verb_shares_the_subject_of_a_first_that_reports_no_event() {
    let ex = run("The troops responded swiftly and killed four of the attackers.");
    assert!(has(&ex, "Attack", "actor", "troops"), "{:?}", args_all(&ex));
}

#[test]
fn both_sides_are_the_two_states_the_story_is_about() {
    let ex = run(
        "Iran fired missiles at Israel on Friday. Israeli jets had struck Iran's nuclear sites. \
         The UN called on both sides to show restraint, while Russia offered to mediate between \
         the two countries.",
    );
    for (kind, state) in [
        ("Appeal", "Iran"),
        ("Appeal", "Israel"),
        ("MediationOffer", "Iran"),
        ("MediationOffer", "Israel"),
    ] {
        assert!(has(&ex, kind, "target", state), "{:?}", args_all(&ex));
    }
    // Leaders spoken with are on the phone; the speaker stays the subject of what follows.
    let ex = run(
        "Thailand recalled its ambassador from Cambodia. Cambodia accused Thailand of aggression. \
         Malaysian Prime Minister Anwar Ibrahim said he had spoken with both leaders and urged \
         them to stand down.",
    );
    for state in ["Thailand", "Cambodia"] {
        assert!(
            has(&ex, "Call", "participant", state),
            "{:?}",
            args_all(&ex)
        );
    }
    assert!(
        has(&ex, "Appeal", "actor", "Anwar Ibrahim"),
        "{:?}",
        args_all(&ex)
    );
    // One word may say which leaders: "both foreign ministers".
    let ex = run(
        "Pakistan recalled its ambassador from Iran. Iran struck targets in Pakistan. Turkey's \
         Foreign Minister Hakan Fidan spoke with both foreign ministers.",
    );
    assert!(
        has_entity(&ex, "Call", "participant", "Iran"),
        "{:?}",
        args_all(&ex)
    );
    // Without two states named before, nobody is guessed.
    let ex = run("The UN called on both sides to show restraint.");
    assert!(
        !args_all(&ex).iter().any(|(_, r, _)| r == "target"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn speakers_participles_and_object_pronouns() {
    // A pronoun reporting past when it was said is the speaker, named or not.
    let ex = run(
        "France requested a meeting. Karabakh officials said the next day they had agreed to a \
         ceasefire.",
    );
    assert!(
        !has(&ex, "IntentToCooperate", "actor", "France"),
        "{:?}",
        args_all(&ex)
    );
    // "and that it": the second report has the first one's speaker.
    let ex = run(
        "Azerbaijan's defence ministry said it had used weapons to destroy Armenian military \
         positions and that it was targeting only military targets.",
    );
    assert!(
        !has_entity(&ex, "Attack", "actor", "Armenia"),
        "{:?}",
        args_all(&ex)
    );
    // A participle after the reporting clause is the speaker's.
    let ex = run(
        "Houthi authorities detained nine employees of United Nations agencies, the U.N. said, \
         calling for their immediate release.",
    );
    assert!(has(&ex, "Appeal", "actor", "U.N."), "{:?}", args_all(&ex));
    // With no event before it, a participle's subject is the main clause's; a participle of
    // speech after "and" starts what is said.
    let ex = run(
        "Azerbaijan launched what it called operations in Karabakh on Tuesday, shelling the \
         regional capital Stepanakert and demanding that ethnic Armenian forces lay down their \
         arms.",
    );
    assert!(
        has(&ex, "Attack", "actor", "Azerbaijan"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        !has_entity(&ex, "Attack", "target", "Armenia"),
        "{:?}",
        args_all(&ex)
    );
    // "urged him": the person just named, not the one appealing.
    let ex = run(
        "Antony Blinken spoke by phone with Azerbaijani President Ilham Aliyev and urged him to \
         cease military actions.",
    );
    assert!(
        has(&ex, "Appeal", "target", "Ilham Aliyev"),
        "{:?}",
        args_all(&ex)
    );
    // "urged them" after a pair just named: the story's two states.
    let ex = run(
        "Pakistan accused Afghanistan of sheltering militants. Pakistan recalled its envoy from \
         Afghanistan. China, which has brokered talks between the two neighbours, urged them to \
         resolve the dispute.",
    );
    assert!(
        has(&ex, "Appeal", "target", "Afghanistan"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn whose_strikes_and_whose_facilities() {
    // Coordinated demonyms before an event noun all act.
    let ex = run("Iran condemned the American and British strikes on Hodeidah.");
    for actor in ["American", "British"] {
        assert!(has(&ex, "Attack", "actor", actor), "{:?}", args_all(&ex));
    }
    // "by" after another participle names that deed's doer.
    let ex = run(
        "The Pentagon said the strikes destroyed radar sites and drone storage facilities used \
         by the Houthis.",
    );
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(_, r, a)| r == "actor" && a == "Houthis"),
        "{:?}",
        args_all(&ex)
    );
    let ex = run("Airstrikes on positions held by the rebels killed 12 people.");
    assert!(
        !args_all(&ex).iter().any(|(_, r, _)| r == "actor"),
        "{:?}",
        args_all(&ex)
    );
    // A government building is a place, not the government.
    let ex = run(
        "France requested an urgent meeting of the Security Council. Protesters gathered outside \
         the government building in Yerevan.",
    );
    assert!(
        !has(&ex, "Protest", "target", "government"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn diplomatic_rows_told_as_wires_tell_them() {
    let kinds = |text: &str| -> Vec<String> {
        run(text)
            .events
            .iter()
            .map(|e| e.kind.to_string())
            .collect()
    };
    // Retaliation in kind is no attack; retaliation with force is.
    let k = kinds("Canada expels six Indian diplomats; India retaliates");
    assert!(!k.contains(&"Attack".to_string()), "{k:?}");
    let k = kinds("Israel retaliated against Hezbollah positions in southern Lebanon.");
    assert!(k.contains(&"Attack".to_string()), "{k:?}");
    // Deciding to withdraw an envoy recalls the envoy.
    let ex = run(
        "India said it had decided to withdraw its envoy and other \"targeted\" diplomats from Ottawa.",
    );
    let k: Vec<String> = ex.events.iter().map(|e| e.kind.to_string()).collect();
    assert_eq!(k, ["RecallAmbassador"], "{:?}", args_all(&ex));
    // An envoy the story has named may be summoned by name.
    let ex = run(
        "India expelled six Canadian diplomats, including acting High Commissioner Stewart \
         Wheeler. India's foreign ministry summoned Wheeler on Monday evening.",
    );
    assert!(
        has(&ex, "Meeting", "participant", "Wheeler"),
        "{:?}",
        args_all(&ex)
    );
    let k = kinds("The court summoned Khan on Monday.");
    assert!(k.is_empty(), "{k:?}");
    // "the occupied West Bank" names a place.
    let ex = run("Israeli troops arrested 20 Palestinians in the occupied West Bank.");
    let t = triggers(&ex);
    assert!(!t.iter().any(|(_, w)| w == "occupied"), "{t:?}");
    // "the latest strikes" are a known deed.
    let t: Vec<Vec<String>> =
        run("Israeli jets struck Gaza on Thursday. Jordan condemned the latest strikes.")
            .events
            .iter()
            .map(|e| e.triggers.iter().map(|t| t.text.clone()).collect())
            .collect();
    assert_eq!(t, [["struck", "strikes"]], "{t:?}");
    // Mediators "from" states are those states; ", as" opens what went on meanwhile.
    let ex = run(
        "Israeli air strikes killed 40 Palestinians on Thursday, as mediators from Qatar and \
         Egypt opened a new round of talks in Doha.",
    );
    assert!(
        has(&ex, "MediationOffer", "actor", "Qatar"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        !has(&ex, "MediationOffer", "actor", "Israeli"),
        "{:?}",
        args_all(&ex)
    );
    assert!(!has(&ex, "Attack", "place", "Doha"), "{:?}", args_all(&ex));
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(k, _, a)| k == "Attack" && (a == "Qatar" || a == "Egypt")),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(k, _, a)| k == "Meeting" && (a == "Israeli" || a == "Palestinians")),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_bombing_told_in_the_headline_the_lead_the_claim_and_the_reactions_is_one() {
    let ex = run(
        "Suicide bomber kills 14 at Kabul ministry\n\nA suicide bomber blew himself up outside \
         the Ministry of Refugees in Kabul on Wednesday, killing at least 14 people. The Islamic \
         State group claimed responsibility for the bombing in a statement. Pakistan condemned \
         the \"cowardly terrorist attack\" on Afghanistan. In a separate incident, gunmen opened \
         fire on a police checkpoint in Baghlan late on Tuesday. Police later arrested two \
         suspects in connection with the checkpoint attack.",
    );
    let attacks: Vec<Vec<String>> = ex
        .events
        .iter()
        .filter(|e| e.kind.to_string() == "Attack")
        .map(|e| e.triggers.iter().map(|t| t.text.clone()).collect())
        .collect();
    assert_eq!(
        attacks,
        [
            vec!["kills", "blew", "bombing", "attack"],
            vec!["fire", "attack"]
        ],
        "{:?}",
        args_all(&ex)
    );
    assert!(
        has(&ex, "Attack", "actor", "Islamic State group"),
        "{:?}",
        args_all(&ex)
    );
    // Where a claim was made is no target.
    assert!(
        !has(&ex, "Attack", "target", "statement"),
        "{:?}",
        args_all(&ex)
    );
    // A headline's event is the first the text tells that fits it, not one told later.
    let ex = run(
        "Gunmen attack a police checkpoint\n\nGunmen opened fire on a police checkpoint in \
         Baghlan late on Tuesday, killing three officers. Separately, an attack on Pakistani \
         troops killed two soldiers.",
    );
    let attacks: Vec<Vec<String>> = ex
        .events
        .iter()
        .filter(|e| e.kind.to_string() == "Attack")
        .map(|e| e.triggers.iter().map(|t| t.text.clone()).collect())
        .collect();
    assert!(
        attacks.contains(&vec!["attack".to_string(), "fire".to_string()]),
        "{attacks:?}"
    );
}

#[test]
fn who_names_the_target_and_an_envoy_barred() {
    // "what Tehran said were bases of the group": the group's bases were hit, not Tehran.
    let ex = run(
        "Iran's Revolutionary Guards struck what Tehran said were bases of the Jaish al-Adl \
         militant group in Panjgur.",
    );
    assert!(
        has_entity(&ex, "Attack", "target", "Jaish al-Adl"),
        "{:?}",
        args_all(&ex)
    );
    assert!(
        !has_entity(&ex, "Attack", "target", "Iran"),
        "{:?}",
        args_all(&ex)
    );
    // Barring an envoy from returning expels them.
    let ex = run(
        "Islamabad recalled its ambassador from Tehran and barred Iran's envoy, who was visiting \
         Iran, from returning.",
    );
    assert!(
        has_entity(&ex, "Expulsion", "target", "Iran"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn among_those_arrested_and_the_west() {
    // "X was among those arrested": X was arrested.
    let ex = run("Opposition leader Nika Gvaramia was among those arrested, his party said.");
    assert!(
        has(&ex, "Arrest", "target", "Nika Gvaramia"),
        "{:?}",
        args_all(&ex)
    );
    // "the West" is a bloc, where nothing happens.
    let ex =
        run("Zourabichvili met European ambassadors and called on the West to support Georgia.");
    assert!(
        !args_all(&ex)
            .iter()
            .any(|(_, r, a)| r == "place" && a == "West"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn a_deadline_is_not_when_it_happened() {
    let ex = run(
        "Jilani received a telephone call from Amir-Abdollahian, during which the two sides \
         agreed that ambassadors would return to their posts by January 26.",
    );
    let call = ex
        .events
        .iter()
        .find(|e| e.kind.to_string() == "Call")
        .expect("the call");
    assert_eq!(call.date, None, "{:?}", call.date);
}

#[test]
fn go_betweens_are_neither_side_nor_party() {
    let ex = run(
        "Delegations from Sudan's army and the RSF arrived in Jeddah on Sunday for talks brokered \
         by Saudi Arabia and the United States. The talks collapsed in June after both sides \
         accused each other of violating a ceasefire.",
    );
    for m in ["Saudi Arabia", "United States"] {
        assert!(
            has(&ex, "Negotiation", "mediator", m),
            "{:?}",
            args_all(&ex)
        );
        assert!(
            !args_all(&ex)
                .iter()
                .any(|(k, _, a)| k == "Accusation" && a == m),
            "{:?}",
            args_all(&ex)
        );
    }
    assert!(
        has(&ex, "Accusation", "actor", "RSF"),
        "{:?}",
        args_all(&ex)
    );
    // Who welcomes talks is no party to them.
    let ex = run("Antonio Guterres welcomed the resumption of talks between the two sides.");
    assert!(
        !has(&ex, "Negotiation", "participant", "Antonio Guterres"),
        "{:?}",
        args_all(&ex)
    );
}

#[test]
fn storms_cars_and_bargains_strike_without_force() {
    // In an article about violence, where ambiguous words of force are read as force.
    let war = "Rebels attacked an army post with rockets on Monday. ";
    for text in [
        "Cyclone Idai hit the port city of Beira last March.",
        "The drought that struck the province in 2019 ruined the harvest.",
        "A cyclist was hit by a truck on the bridge.",
        "Rescue crews battled strong winds and high waves as they searched the coast.",
        "Critics called it the worst deal the government ever struck with a neighbour.",
        "The governor attacked a federal program aimed at refugees.",
    ] {
        let ex = run(&format!("{war}{text}"));
        let t = triggers(&ex);
        assert_eq!(
            t,
            vec![("Attack".into(), "attacked".into())],
            "{text}: {t:?}"
        );
    }
    // A car that carries a bomb, or a bus that is attacked, is still an attack.
    let t = triggers(&run(&format!(
        "{war}A car bomb struck the convoy near Kandahar."
    )));
    assert!(t.contains(&("Attack".into(), "struck".into())), "{t:?}");
    let t = triggers(&run(&format!(
        "{war}Gunmen attacked a bus carrying pilgrims."
    )));
    assert_eq!(t.len(), 2, "{t:?}");
    // Words attack a law; "law enforcement officers" are people.
    let t = triggers(&run(&format!(
        "{war}Gunmen attacked law enforcement officers outside the court."
    )));
    assert_eq!(t.len(), 2, "{t:?}");
}

#[test]
fn what_is_picked_up_or_captured_is_no_detainee() {
    let t: Vec<_> = triggers(&run(
        "Police arrested three men. A police officer picks up a weapon from the scene of the raid. Senator Warren captured two party caucuses in Iowa.",
    ))
    .into_iter()
    .filter(|(k, _)| k == "Arrest")
    .collect();
    assert_eq!(t, vec![("Arrest".into(), "arrested".into())], "{t:?}");
    let t = triggers(&run("Police picked up two suspects in Lahore on Monday."));
    assert_eq!(t, vec![("Arrest".into(), "picked".into())], "{t:?}");
}

#[test]
fn a_name_given_after_a_comma_is_no_call() {
    let t = triggers(&run(
        "Officials spoke at a joint panel, called Hamas and the Gaza Truce, in Cairo.",
    ));
    assert!(!t.iter().any(|(k, _)| k == "Call"), "{t:?}");
    let t = triggers(&run(
        "On Monday, Erdogan called Putin to discuss the grain deal.",
    ));
    assert!(t.iter().any(|(k, _)| k == "Call"), "{t:?}");
}
