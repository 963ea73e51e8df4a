"""Names written in the forms of their own languages: an Arabic or Malay patronymic the
model cuts ("Prince Abdulaziz | bin Salman"), honorifics before a name ("Prince", "Datuk
Seri"), people called by the given name ("Crown Prince Mohammed", "Anwar"), the article's
own spelling with its diacritics ("Bùi Thanh Sơn"), and letters NFKD keeps whole (đ, ı)."""

from __future__ import annotations

from typing import Any

from tests.conftest import extract_text

from bilat.extract.gazetteer import normalize


def _people(text: str, published: str) -> dict[str, Any]:
    return {a.name: a for a in extract_text(text, published).actors if a.type == "person"}


def test_a_patronymic_after_an_honorific_is_part_of_the_name() -> None:
    people = _people(
        "Deputy Prime Minister Alexander Novak and Saudi Energy Minister Prince Abdulaziz bin "
        "Salman co-chaired the commission in Riyadh on Monday.",
        "2026-09-16",
    )
    minister = people["Abdulaziz bin Salman"]
    assert (minister.country, minister.role) == ("SA", "Energy Minister")
    assert "Prince Abdulaziz" not in people


def test_a_prince_is_called_by_his_given_name_not_his_fathers() -> None:
    people = _people(
        "Putin and Saudi Crown Prince Mohammed bin Salman spoke by phone on Tuesday. Putin was "
        "received in Riyadh by Crown Prince Mohammed in December 2023. Energy Minister Prince "
        "Abdulaziz bin Salman attended.",
        "2026-10-07",
    )
    crown_prince = people["Mohammed bin Salman"]
    assert "Mohammed" in crown_prince.aliases
    assert "Salman" not in crown_prince.aliases
    assert "Crown Prince Mohammed" not in people


def test_malaysian_honorifics_are_no_part_of_the_name() -> None:
    people = _people(
        "Chinese Premier Li Qiang held talks with Prime Minister Datuk Seri Anwar Ibrahim in "
        "Putrajaya on Monday. Anwar said trade with China reached RM484 billion.",
        "2026-11-03",
    )
    assert "Anwar Ibrahim" in people
    assert not [name for name in people if "Datuk" in name]
    assert "Anwar" in people["Anwar Ibrahim"].aliases


def test_the_article_spelling_with_diacritics_names_a_known_person() -> None:
    people = _people(
        "Deputy Prime Minister Bùi Thanh Sơn will co-chair the session with Russian Deputy "
        "Prime Minister Dmitry Chernyshenko in Hà Nội.",
        "2026-09-25",
    )
    assert "Bùi Thanh Sơn" in people
    assert "Bui Thanh Son" not in people


def test_letters_nfkd_keeps_whole_are_folded() -> None:
    assert normalize("Đặng Minh Khôi") == "dang minh khoi"
    assert normalize("Kırklareli") == "kirklareli"


def test_pakistani_press_calls_the_prime_minister_by_either_name() -> None:
    result = extract_text(
        "PM Shehbaz, Putin discuss gas pipeline in phone call\n\nISLAMABAD: Prime Minister "
        "Shehbaz Sharif and President Vladimir Putin on Tuesday discussed the gas pipeline, "
        "the PMO said. Sharif invited Putin to visit Islamabad.",
        "2026-04-16",
    )
    people = {a.name: a for a in result.actors if a.type == "person"}
    assert "PM Shehbaz" not in people
    assert {"Shehbaz", "Sharif"} <= set(people["Shehbaz Sharif"].aliases)
    (call,) = [e for e in result.events if e.mode == "call"]
    assert set(call.participants) == {"Shehbaz Sharif", "Vladimir Putin"}


def test_a_name_after_a_military_rank_is_a_person() -> None:
    """'Admiral Pavel Lobov' (the small model calls it an organisation); a ship named for an
    admiral is none."""
    people = _people(
        "During the visit, Mehta held talks with Admiral Pavel Lobov, deputy commander of the "
        "Russian Navy, and with Rear Admiral Igor Osipov. Lobov said the frigates would sail "
        "with the Admiral Gorshkov Northern Group next year.",
        "2026-05-04",
    )
    assert {"Pavel Lobov", "Igor Osipov"} <= set(people)
    assert "Lobov" in people["Pavel Lobov"].aliases
    assert not any("Gorshkov" in name for name in people)


def test_a_surname_told_alone_is_the_one_named_in_full_not_the_gazetteers() -> None:
    """'Senior Colonel Jiang Haoran said ... Jiang said': Jiang Haoran, not a gazetteer
    person of that surname (Jiang Yu); one the text names in surname-first order is still
    the gazetteer's ('Iwaya Takeshi ... Iwaya')."""
    people = _people(
        "Chinese Defense Ministry spokesperson Senior Colonel Jiang Haoran said the patrol was "
        "routine. Jiang said more patrols would follow. Japanese Foreign Minister Iwaya "
        "Takeshi raised the flights with Wang Yi. Iwaya called them a concern.",
        "2025-07-12",
    )
    assert "Jiang Yu" not in people
    assert "Jiang Haoran" in people
    assert "Takeshi Iwaya" in people


def test_a_company_chairman_by_his_company_and_bylines_and_region_nouns_are_no_names() -> None:
    """'Chairman of the Board of Directors of China National Petroleum Corporation': his
    company's state, not a Chinese company head of the gazetteer (a state has many); the
    agency's '(Reporter A, B)' byline and 'Oblast' before a surname are no names."""
    people = _people(
        "People's Daily, Beijing, May 12th (Reporter Wu Gang, Zhang Lei) A meeting between "
        "Alexey Miller and Dai Houliang, Chairman of the Board of Directors of China National "
        "Petroleum Corporation (CNPC), took place in Beijing. Governor of Amur Oblast Orlov "
        "met the delegation.",
        "2026-05-12",
    )
    assert people["Dai Houliang"].country == "CN"
    assert "Ren Zhengfei" not in people
    assert not {"Zhang Lei", "Oblast Orlov"} & set(people)


def test_a_titled_name_with_a_hyphenated_particle_is_whole() -> None:
    """'Investment Minister Khalid Al-Falih' (the small model misses it): the whole name,
    not 'Khalid Al-'."""
    from bilat.extract.affiliation import titled_names

    found = titled_names("Saudi Investment Minister Khalid Al-Falih said the deals were signed.")
    assert [name for _s, _e, name in found] == ["Khalid Al-Falih"]


def test_company_heads_by_a_legal_form_and_the_second_of_two_names() -> None:
    """'Chairman of the Management Board of JSC Uzbekneftegaz': his company's state past the
    legal form; in 'Rosatom Director General Alexey Likhachev and Shen Yanfeng, Chairman of
    China National Nuclear Corporation' the second is CNNC's, not Rosatom's."""
    people = _people(
        "Mehriddin Abdullaev, Chairman of the Management Board of JSC Uzbekneftegaz, received "
        "a CNPC delegation in Tashkent. Rosatom Director General Alexey Likhachev and Shen "
        "Yanfeng, Chairman of China National Nuclear Corporation (CNNC), held talks via "
        "videoconference.",
        "2025-10-16",
    )
    assert people["Mehriddin Abdullaev"].country == "UZ"
    assert people["Shen Yanfeng"].country == "CN"


def test_headline_words_an_author_note_and_a_possessive_make_no_person() -> None:
    """'Xi and Putin Talk by Video as Trump Returns' (a title-case headline: no 'Putin Talk'),
    'Rohan Kulkarni is an assistant professor at ...' (the writer's note at the end),
    'President Abdel-Fattah El-Sisi's visit' (the name without its 's: the gazetteer's
    Abdel Fattah el-Sisi, of whom it is the Ahram Online spelling), 'Treasurer Jim Chalmers'
    (the title is no part of the name)."""
    text = (
        "Xi and Putin Talk by Video as Trump Returns\n\n"
        "Chinese President Xi Jinping and Russian President Vladimir Putin held a video call on "
        "January 21, a day after Donald Trump took office. A deal is expected during President "
        "Abdel-Fattah El-Sisi's visit to Moscow. Treasurer Jim Chalmers will visit Beijing.\n\n"
        "Rohan Kulkarni is an assistant professor at the Centre for Russian Studies.\n"
    )
    people = set(_people(text, "2025-01-24"))
    assert {"Abdel Fattah el-Sisi", "Jim Chalmers", "Donald Trump"} <= people, people
    assert not people & {"Putin Talk", "Trump Returns", "Rohan Kulkarni"}, people
    assert not any("'s" in p or p.startswith("Treasurer") for p in people), people


def test_a_photo_credit_is_no_person() -> None:
    """'REUTERS/Tingshu Wang/File Photo', 'Sergei BOBYLEV / POOL/AFP/File': the
    photographer of a caption is no actor."""
    people = _people(
        "A worker walks past containers at the border crossing. REUTERS/Tingshu Wang/File "
        "Photo\n\nRussian President Vladimir Putin (R) and Chinese leader Xi Jinping (file "
        "photo) Sergei BOBYLEV / POOL/AFP/File\n\nChina's trade with Russia fell 8.4%.",
        "2025-11-07",
    )
    assert set(people) == {"Vladimir Putin", "Xi Jinping"}, set(people)


def test_ships_streets_headings_and_an_address_by_patronymic_are_no_people() -> None:
    people = _people(
        "The corvettes Gremyashchy, Sovershenny and Aldar Tsydenzhapov took part, as did the "
        "frigates PNS Taimur and PNS Tippu Sultan, off Frunzenskaya Embankment.\n\n"
        "Regional government\n420111, Tatarstan, Kazan, Pushkin St. 7\n\n"
        "I. Agreements exchanged\n\n"
        '"Vladimir Vladimirovich, thank you," Shavkat Mirziyoyev told Vladimir Putin. Roman '
        "Abramovich, a businessman, was not there.",
        "2031-07-20",
    )
    assert set(people) == {"Shavkat Mirziyoyev", "Vladimir Putin", "Roman Abramovich"}


def test_an_honorific_with_a_full_stop_ends_no_sentence_and_is_no_name() -> None:
    """'President Putin also called on Rashtrapati Smt. Droupadi Murmu at Rashtrapati
    Bhavan': one sentence (a meeting of the two), no person 'Rashtrapati Smt' nor
    'Rashtrapati Bhavan'; 'Army chief Gen Upendra Dwivedi' is Upendra Dwivedi."""
    found = extract_text(
        "President Vladimir Putin also called on Rashtrapati Smt. Droupadi Murmu at Rashtrapati "
        "Bhavan. Army chief Gen Upendra Dwivedi attended.",
        "2031-12-05",
    )
    people = {a.name for a in found.actors if a.type == "person"}
    assert people == {"Vladimir Putin", "Droupadi Murmu", "Upendra Dwivedi"}
    (meeting,) = found.events
    assert set(meeting.participants) == {"Vladimir Putin", "Droupadi Murmu"}


def test_initials_written_before_a_known_surname_are_part_of_its_form() -> None:
    """'переговоры ... С.В.Лаврова с ... Б.Батцэцэг': the forms the report writes, initials
    included, are the actors' aliases (an analyst searching the text finds them)."""
    found = extract_text(
        "16 апреля в Москве состоялись переговоры Министра иностранных дел Российской "
        "Федерации С.В.Лаврова с Министром иностранных дел Монголии Б.Батцэцэг.",
        "2024-04-16",
    )
    aliases = {a.name: set(a.aliases) for a in found.actors if a.type == "person"}
    assert "С.В.Лаврова" in aliases["Sergey Lavrov"]
    assert "Б.Батцэцэг" in aliases["Battsetseg Batmunkh"]


def test_a_body_that_speaks_after_an_adverbial_is_an_actor() -> None:
    """'Rosselkhoznadzor at the same time denied reports ...': the watchdog named once, as
    the one that speaks (not an affiliation in a title), is an actor."""
    found = extract_text(
        "Russia and China discussed grain supplies. Rosselkhoznadzor at the same time denied "
        "media reports that China had suspended imports of barley.",
        "2031-06-11",
    )
    assert "Rosselkhoznadzor" in {a for actor in found.actors for a in (actor.name, *actor.aliases)}


def test_credits_streets_and_mastheads_name_no_one() -> None:
    """A page's footer and credits: 'Edition: X | Translation: Y', a street named for a
    person ('Av. Jorge Basadre 873'), a square and a city in Spanish ('Plaza de la
    Revolución', 'La Habana'), an outlet's masthead line ('Prensa Sur - Agencia ...'); and a
    heading above a paragraph is no part of a project's name ('Callao\\n\\nThe port of
    Callao')."""
    text = (
        "BRASILIA - Brazilian Foreign Minister Mauro Vieira met Chinese Foreign Minister "
        "Wang Yi on Wednesday to review the Belt and Road talks.\n\n"
        "Callao\n\nThe port of Callao handled 2.5 million containers last year.\n\n"
        "Related:\n- BYD begins hiring for Camaçari plant\n\n"
        "Edition: Carla Menezes | Translation: Fabiano Moreira\n\n"
        "Prensa Sur - Agencia Informativa Latinoamericana. Av. Jorge Basadre 873, Lima 1. "
        "Phone: (511) 315-0400\nComité Central. Plaza de la Revolución, La Habana."
    )
    actors = {a.name: a.type for a in extract_text(text, "2031-11-13").actors}
    assert {"Mauro Vieira", "Wang Yi"} <= set(actors)
    for name in ("Carla Menezes", "Fabiano Moreira", "Jorge Basadre", "Plaza de la Revolución"):
        assert name not in actors
    assert "La Habana" not in actors
    assert not any(" - " in name or "\n" in name for name in actors)


def test_two_titles_of_states_in_a_row_name_their_two_holders() -> None:
    """'co-chaired by Deputy Prime Minister of Georgia X and Deputy Prime Minister of Russia
    Y': X and Y, not a person called 'Prime Minister' read across the 'and'."""
    actors = extract_text(
        "The commission was co-chaired by Deputy Prime Minister of Georgia Levan Davitashvili "
        "and Deputy Prime Minister of Russia Alexei Overchuk.",
        "2027-02-11",
    ).actors
    people = {a.name for a in actors if a.type == "person"}
    assert people == {"Levan Davitashvili", "Alexei Overchuk"}


def test_a_possessives_title_then_the_name_in_apposition() -> None:
    """ "Niger's transitional president, General X, held talks with Russian President Y at the
    Kremlin": X is Niger's (not the Kremlin's, read as 'X, <title> at the Kremlin')."""
    actors = extract_text(
        "Niger's transitional president, General Abdourahamane Tiani, held talks with Russian "
        "President Vladimir Putin at the Kremlin on Monday.",
        "2027-03-09",
    ).actors
    (tiani,) = [a for a in actors if a.name == "Abdourahamane Tiani"]
    assert tiani.country == "NE"


def test_a_royal_style_before_a_name_is_no_part_of_it() -> None:
    """'His Majesty Sultan Ibrahim' is Sultan Ibrahim (the model may leave 'His' out), as
    'His Excellency President X' is X."""
    ext = extract_text(
        "His Majesty Sultan Ibrahim received Chinese President Xi Jinping at Istana Negara on "
        "Wednesday.",
        "2031-04-16",
    )
    names = {a.name for a in ext.actors if a.type == "person"}
    assert "Sultan Ibrahim" in names and not any("Majesty" in n for n in names), names


def test_a_given_name_the_model_left_out_after_a_title_is_part_of_the_name() -> None:
    """'Agriculture Minister Do Duc Duy' and 'Defense Secretary Gilberto Teodoro Jr.': the
    model reads 'Duc Duy' and 'Teodoro Jr.'; the title's name is the whole one (with the
    suffix's dot), and an honorific after the title stays out ('Secretary Shri Rajesh
    Agrawal')."""
    ext = extract_text(
        "Vietnamese Agriculture Minister Do Duc Duy met Chinese Ambassador Xiong Bo in Hanoi. "
        "Philippine Defense Secretary Gilberto Teodoro Jr. met Xiong Bo on Friday. Commerce "
        "Secretary Shri Rajesh Agrawal was there too.",
        "2031-04-16",
    )
    names = {a.name for a in ext.actors if a.type == "person"}
    assert {"Do Duc Duy", "Gilberto Teodoro Jr."} <= names, names
    assert not {"Duc Duy", "Teodoro Jr", "Shri Rajesh Agrawal"} & names, names
