"""Realistic Dutch case studies for benchmarks, in the exchange format (docs/exchange-format.md), deterministically.

    python -m bench.generate --count 10000 --seed 2014 --out /tmp/cases-10000.json

Case number i depends only on (seed, i), so a smaller set is the start of a larger one. Municipalities
are real Dutch municipalities with their provinces; themes are the seeded taxonomy
(knowledge/migrations/0002_seed_themes.py); titles, summaries and bodies are composed from phrase
banks about ward-based work.
"""

import argparse
import json
import random
import sys

DEFAULT_SEED = 2014

# The municipalities of the Netherlands (2024), by province. "Bergen" exists twice, as the CBS writes it.
MUNICIPALITIES = {
    "Groningen": [
        "Eemsdelta", "Groningen", "Het Hogeland", "Midden-Groningen", "Oldambt", "Pekela", "Stadskanaal",
        "Veendam", "Westerkwartier", "Westerwolde",
    ],
    "Fryslân": [
        "Achtkarspelen", "Ameland", "Dantumadiel", "De Fryske Marren", "Harlingen", "Heerenveen", "Leeuwarden",
        "Noardeast-Fryslân", "Ooststellingwerf", "Opsterland", "Schiermonnikoog", "Smallingerland",
        "Súdwest-Fryslân", "Terschelling", "Tytsjerksteradiel", "Vlieland", "Waadhoeke", "Weststellingwerf",
    ],
    "Drenthe": [
        "Aa en Hunze", "Assen", "Borger-Odoorn", "Coevorden", "De Wolden", "Emmen", "Hoogeveen", "Meppel",
        "Midden-Drenthe", "Noordenveld", "Tynaarlo", "Westerveld",
    ],
    "Overijssel": [
        "Almelo", "Borne", "Dalfsen", "Deventer", "Dinkelland", "Enschede", "Haaksbergen", "Hardenberg",
        "Hellendoorn", "Hengelo", "Hof van Twente", "Kampen", "Losser", "Oldenzaal", "Olst-Wijhe", "Ommen",
        "Raalte", "Rijssen-Holten", "Staphorst", "Steenwijkerland", "Tubbergen", "Twenterand", "Wierden",
        "Zwartewaterland", "Zwolle",
    ],
    "Flevoland": ["Almere", "Dronten", "Lelystad", "Noordoostpolder", "Urk", "Zeewolde"],
    "Gelderland": [
        "Aalten", "Apeldoorn", "Arnhem", "Barneveld", "Berg en Dal", "Berkelland", "Beuningen", "Bronckhorst",
        "Brummen", "Buren", "Culemborg", "Doesburg", "Doetinchem", "Druten", "Duiven", "Ede", "Elburg", "Epe",
        "Ermelo", "Harderwijk", "Hattem", "Heerde", "Heumen", "Lingewaard", "Lochem", "Maasdriel",
        "Montferland", "Neder-Betuwe", "Nijkerk", "Nijmegen", "Nunspeet", "Oldebroek", "Oost Gelre",
        "Oude IJsselstreek", "Overbetuwe", "Putten", "Renkum", "Rheden", "Rozendaal", "Scherpenzeel", "Tiel",
        "Voorst", "Wageningen", "West Betuwe", "West Maas en Waal", "Westervoort", "Wijchen", "Winterswijk",
        "Zaltbommel", "Zevenaar", "Zutphen",
    ],
    "Utrecht": [
        "Amersfoort", "Baarn", "Bunnik", "Bunschoten", "De Bilt", "De Ronde Venen", "Eemnes", "Houten",
        "IJsselstein", "Leusden", "Lopik", "Montfoort", "Nieuwegein", "Oudewater", "Renswoude", "Rhenen",
        "Soest", "Stichtse Vecht", "Utrecht", "Utrechtse Heuvelrug", "Veenendaal", "Vijfheerenlanden",
        "Wijk bij Duurstede", "Woerden", "Woudenberg", "Zeist",
    ],
    "Noord-Holland": [
        "Aalsmeer", "Alkmaar", "Amstelveen", "Amsterdam", "Bergen (NH)", "Beverwijk", "Blaricum",
        "Bloemendaal", "Castricum", "Den Helder", "Diemen", "Dijk en Waard", "Drechterland", "Edam-Volendam",
        "Enkhuizen", "Gooise Meren", "Haarlem", "Haarlemmermeer", "Heemskerk", "Heemstede", "Heiloo",
        "Hilversum", "Hollands Kroon", "Hoorn", "Huizen", "Koggenland", "Landsmeer", "Laren", "Medemblik",
        "Oostzaan", "Opmeer", "Ouder-Amstel", "Purmerend", "Schagen", "Stede Broec", "Texel", "Uitgeest",
        "Uithoorn", "Velsen", "Waterland", "Wijdemeren", "Wormerland", "Zaanstad", "Zandvoort",
    ],
    "Zuid-Holland": [
        "Alblasserdam", "Albrandswaard", "Alphen aan den Rijn", "Barendrecht", "Bodegraven-Reeuwijk",
        "Capelle aan den IJssel", "Delft", "Den Haag", "Dordrecht", "Goeree-Overflakkee", "Gorinchem", "Gouda",
        "Hardinxveld-Giessendam", "Hendrik-Ido-Ambacht", "Hillegom", "Hoeksche Waard", "Kaag en Braassem",
        "Katwijk", "Krimpen aan den IJssel", "Krimpenerwaard", "Lansingerland", "Leiden", "Leiderdorp",
        "Leidschendam-Voorburg", "Lisse", "Maassluis", "Midden-Delfland", "Molenlanden", "Nieuwkoop",
        "Nissewaard", "Noordwijk", "Oegstgeest", "Papendrecht", "Pijnacker-Nootdorp", "Ridderkerk", "Rijswijk",
        "Rotterdam", "Schiedam", "Sliedrecht", "Teylingen", "Vlaardingen", "Voorne aan Zee", "Voorschoten",
        "Waddinxveen", "Wassenaar", "Westland", "Zoetermeer", "Zoeterwoude", "Zuidplas", "Zwijndrecht",
    ],
    "Zeeland": [
        "Borsele", "Goes", "Hulst", "Kapelle", "Middelburg", "Noord-Beveland", "Reimerswaal",
        "Schouwen-Duiveland", "Sluis", "Terneuzen", "Tholen", "Veere", "Vlissingen",
    ],
    "Noord-Brabant": [
        "Alphen-Chaam", "Altena", "Asten", "Baarle-Nassau", "Bergeijk", "Bergen op Zoom", "Bernheze", "Best",
        "Bladel", "Boekel", "Boxtel", "Breda", "Cranendonck", "Deurne", "Dongen", "Drimmelen", "Eersel",
        "Eindhoven", "Etten-Leur", "Geertruidenberg", "Geldrop-Mierlo", "Gemert-Bakel", "Gilze en Rijen",
        "Goirle", "Halderberge", "Heeze-Leende", "Helmond", "'s-Hertogenbosch", "Heusden", "Hilvarenbeek",
        "Laarbeek", "Land van Cuijk", "Loon op Zand", "Maashorst", "Meierijstad", "Moerdijk", "Nuenen",
        "Oirschot", "Oisterwijk", "Oosterhout", "Oss", "Reusel-De Mierden", "Roosendaal", "Rucphen",
        "Sint-Michielsgestel", "Someren", "Son en Breugel", "Steenbergen", "Tilburg", "Valkenswaard",
        "Veldhoven", "Vught", "Waalre", "Waalwijk", "Woensdrecht", "Zundert",
    ],
    "Limburg": [
        "Beek", "Beekdaelen", "Beesel", "Bergen (L)", "Brunssum", "Echt-Susteren", "Eijsden-Margraten",
        "Gennep", "Gulpen-Wittem", "Heerlen", "Horst aan de Maas", "Kerkrade", "Landgraaf", "Leudal",
        "Maasgouw", "Maastricht", "Meerssen", "Mook en Middelaar", "Nederweert", "Peel en Maas", "Roerdalen",
        "Roermond", "Simpelveld", "Sittard-Geleen", "Stein", "Vaals", "Valkenburg aan de Geul", "Venlo",
        "Venray", "Voerendaal", "Weert",
    ],
}
PLACES = [(name, province) for province, names in MUNICIPALITIES.items() for name in names]
# Larger cities share more of their practice: a few get a heavier weight.
LARGE = {"Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere",
         "Breda", "Nijmegen", "Arnhem", "Haarlem", "Enschede", "Apeldoorn", "Zwolle", "Leeuwarden",
         "Maastricht", "Leiden", "Dordrecht", "Zoetermeer", "Amersfoort", "'s-Hertogenbosch", "Deventer"}
PLACE_WEIGHTS = [8 if name in LARGE else 1 for name, _ in PLACES]

# The seeded taxonomy (knowledge/migrations/0002_seed_themes.py), by name.
THEMES = [
    "Initiatieven van bewoners en ondernemers", "Vernieuwing van de lokale democratie", "Rol van de wijkambtenaar",
    "Zorg en welzijn", "Veiligheid", "Armoede", "Jeugd", "Wonen", "Onderwijs", "Werk en inkomen",
    "Openbare ruimte", "Ouderen", "Duurzaamheid",
]

# What a case is about, per theme: (subject for a title, what was done in a sentence).
SUBJECTS = {
    "Initiatieven van bewoners en ondernemers": [
        ("Buurtbudget voor bewonersinitiatieven", "bewoners beslissen zelf over een buurtbudget voor hun eigen plannen"),
        ("Right to Challenge", "bewoners nemen met het Right to Challenge een taak van de gemeente over"),
        ("Buurthuis in bewonersbeheer", "een groep bewoners beheert het buurthuis sinds de gemeente zich terugtrok"),
        ("Ondernemersfonds voor de winkelstraat", "ondernemers en bewoners investeren samen in hun winkelstraat"),
        ("Buurtcoöperatie", "een buurtcoöperatie biedt klussen, vervoer en boodschappen aan buurtgenoten"),
    ],
    "Vernieuwing van de lokale democratie": [
        ("Wijkraad nieuwe stijl", "de wijkraad werd vervangen door open wijkgesprekken met wisselende bewoners"),
        ("G1000 in de wijk", "een gelote burgertop gaf de gemeenteraad advies over de toekomst van de wijk"),
        ("Digitaal wijkpanel", "een digitaal wijkpanel peilt elke maand wat bewoners belangrijk vinden"),
        ("Wijkbegroting", "bewoners stellen zelf een deel van de begroting voor hun wijk op"),
        ("Raadsleden op wijkbezoek", "raadsleden gaan vaste middagen de wijk in in plaats van bewoners naar het stadhuis te halen"),
    ],
    "Rol van de wijkambtenaar": [
        ("Wijkambtenaar als verbinder", "de wijkambtenaar werkt vanuit de wijk en verbindt bewoners met de juiste afdeling"),
        ("Wijkregisseur met eigen mandaat", "de wijkregisseur kreeg een eigen budget en mag knopen doorhakken"),
        ("Ambtenaren op de fiets", "ambtenaren van alle afdelingen werken een dag per week in de wijk"),
        ("Vast aanspreekpunt per buurt", "elke buurt kreeg één vast gezicht van de gemeente"),
        ("Wijkteam van de gemeente", "een gemeentelijk wijkteam pakt signalen van bewoners binnen een week op"),
    ],
    "Zorg en welzijn": [
        ("Sociaal wijkteam", "een sociaal wijkteam brengt zorg en ondersteuning dichtbij huis"),
        ("Huiskamer van de wijk", "een huiskamer in het wijkcentrum is vijf dagen per week open voor iedereen"),
        ("Buurtzorg en mantelzorg samen", "wijkverpleging en mantelzorgers stemmen de zorg samen af"),
        ("Welzijn op recept", "huisartsen verwijzen patiënten met klachten zonder medische oorzaak naar welzijnsactiviteiten"),
        ("Informele zorg in de straat", "straatambassadeurs houden een oogje in het zeil bij kwetsbare buren"),
    ],
    "Veiligheid": [
        ("Buurtpreventie met WhatsApp", "bewoners waarschuwen elkaar en de politie via buurtpreventiegroepen"),
        ("Aanpak woonoverlast", "een vast team pakt woonoverlast aan voordat het uit de hand loopt"),
        ("Straatcoaches", "straatcoaches spreken jongeren 's avonds aan op straat"),
        ("Veilige schoolroutes", "ouders, school en gemeente maakten de routes naar school veiliger"),
        ("Ondermijning in de wijk", "wijkagent, gemeente en corporatie pakken ondermijning samen aan"),
    ],
    "Armoede": [
        ("Schuldhulp in de wijk", "schuldhulpverleners houden spreekuur in het buurthuis in plaats van op het stadhuis"),
        ("Vroegsignalering van schulden", "corporatie, energiebedrijf en gemeente signaleren betalingsachterstanden vroeg"),
        ("Ouderenfonds en kindpakket", "een kindpakket zorgt dat kinderen uit arme gezinnen mee kunnen doen"),
        ("Formulierenbrigade", "vrijwilligers helpen bewoners met formulieren en toeslagen"),
        ("Energiecoaches", "energiecoaches helpen huishoudens hun energierekening omlaag te brengen"),
    ],
    "Jeugd": [
        ("Jongerenwerk op straat", "jongerenwerkers zoeken jongeren op waar ze zijn"),
        ("Jongerenraad van de wijk", "een jongerenraad geeft jongeren een stem in plannen voor hun wijk"),
        ("Buurtsportcoach", "een buurtsportcoach organiseert sport op pleintjes en in de gymzaal"),
        ("Speelplek door kinderen ontworpen", "kinderen ontwierpen zelf de nieuwe speelplek in hun buurt"),
        ("Opvoedsteunpunt", "ouders kunnen met opvoedvragen terecht bij een steunpunt in de school"),
    ],
    "Wonen": [
        ("Samen met de corporatie", "de woningcorporatie en bewoners maken samen een plan voor de flats"),
        ("Herstructurering met bewoners", "bij de sloop en nieuwbouw praten bewoners vanaf het begin mee"),
        ("Huurdersvereniging als partner", "de huurdersvereniging is vaste gesprekspartner van gemeente en corporatie"),
        ("Leefbaarheid in de portiekflat", "portiekgesprekken verbeteren het contact tussen buren"),
        ("Tijdelijke woningen voor starters", "tijdelijke woningen geven starters en statushouders een plek in de wijk"),
    ],
    "Onderwijs": [
        ("Brede school als hart van de wijk", "de brede school is ook na schooltijd open voor de buurt"),
        ("Taalhuis in de bibliotheek", "vrijwilligers helpen volwassenen beter lezen en schrijven"),
        ("Huiswerkbegeleiding in het buurthuis", "studenten geven huiswerkbegeleiding aan kinderen uit de buurt"),
        ("Schoolmaatschappelijk werk", "een schoolmaatschappelijk werker is de schakel tussen school en gezin"),
        ("Leren buiten de school", "kinderen leren in de wijk: bij de bakker, de brandweer en de moestuin"),
    ],
    "Werk en inkomen": [
        ("Werkcoach in de wijk", "een werkcoach zoekt werkzoekenden thuis en in het buurthuis op"),
        ("Wijkonderneming", "een wijkonderneming biedt werk en leerplekken aan bewoners met afstand tot werk"),
        ("Broedplaats voor starters", "starters krijgen een werkplek in een leegstaand winkelpand"),
        ("Participatiebaan in de groenzorg", "bewoners met een uitkering onderhouden het groen in hun eigen wijk"),
        ("Ondernemers als leermeester", "lokale ondernemers nemen jongeren zonder diploma in de leer"),
    ],
    "Openbare ruimte": [
        ("Groen onderhoud door bewoners", "bewoners onderhouden zelf de plantsoenen in hun straat"),
        ("Herinrichting van het plein", "het plein werd heringericht naar het ontwerp van buurtbewoners"),
        ("Schouw van de buurt", "bewoners en gemeente lopen twee keer per jaar een schouw door de buurt"),
        ("Autoluwe straat", "de straat werd autoluw na een proef die bewoners zelf voorstelden"),
        ("Afval en zwerfvuil", "een zwerfvuilteam van vrijwilligers houdt de wijk schoon"),
    ],
    "Ouderen": [
        ("Eenzaamheid onder ouderen", "buren gaan op bezoek bij ouderen die alleen wonen"),
        ("Ontmoetingscentrum voor ouderen", "een ontmoetingscentrum biedt dagbesteding en een warme maaltijd"),
        ("Levensloopbestendige wijk", "de wijk wordt zo ingericht dat ouderen er langer zelfstandig kunnen wonen"),
        ("Ouderenadviseurs aan huis", "ouderenadviseurs bezoeken alle 75-plussers in de wijk"),
        ("Digitale vaardigheden voor senioren", "jongeren leren ouderen omgaan met tablet en DigiD"),
    ],
    "Duurzaamheid": [
        ("Energiecoöperatie van de buurt", "een energiecoöperatie legt zonnepanelen op de daken van de wijk"),
        ("Wijk van het gas af", "bewoners denken mee over de warmtetransitie in hun wijk"),
        ("Tegels eruit, groen erin", "bewoners vervangen tegels door groen tegen hitte en wateroverlast"),
        ("Repair café", "vrijwilligers repareren kapotte spullen in het buurthuis"),
        ("Buurtmoestuin", "een buurtmoestuin brengt bewoners samen en levert groente voor de voedselbank"),
    ],
}

NEIGHBOURHOOD_PARTS = [
    "Centrum", "Binnenstad", "Noord", "Oost", "Zuid", "West", "Oud-Noord", "Oud-West", "Nieuw-Oost",
    "De Hoven", "De Heide", "De Kampen", "De Laak", "De Esch", "De Akkers", "De Weide", "De Horst",
    "Bloemenbuurt", "Vogelwijk", "Schildersbuurt", "Componistenbuurt", "Staatsliedenbuurt", "Rivierenwijk",
    "Bomenbuurt", "Sterrenwijk", "Zeeheldenbuurt", "Dichterswijk", "Stationsbuurt", "Havenkwartier",
    "Kerkebuurt", "Molenwijk", "Parkwijk", "Tuindorp", "Bosrijk", "Hoogvliet", "Spoorzone", "Kanaalzone",
    "Kruidenbuurt", "Indische buurt", "Transvaalbuurt", "Burgemeesterswijk", "Professorenwijk",
]
# A few neighbourhoods people know by name.
KNOWN_NEIGHBOURHOODS = {
    "Tilburg": ["Reeshof", "Groenewoud", "Korvel", "Jeruzalem"],
    "Amsterdam": ["Bijlmermeer", "De Pijp", "Kolenkit", "Osdorp"],
    "Rotterdam": ["Feijenoord", "Delfshaven", "Tarwewijk", "Carnisse", "Bospolder"],
    "Den Haag": ["Schilderswijk", "Transvaal", "Moerwijk", "Duindorp"],
    "Utrecht": ["Kanaleneiland", "Overvecht", "Lombok", "Zuilen"],
    "Eindhoven": ["Woensel-West", "Doornakkers", "Lakerlopen"],
    "Groningen": ["Selwerd", "De Hoogte", "Beijum", "Vinkhuizen"],
    "Arnhem": ["Presikhaaf", "Malburgen", "Klarendal"],
    "Nijmegen": ["Hatert", "Dukenburg", "Lindenholt"],
    "Zwolle": ["Holtenbroek", "Aa-landen", "Diezerpoort"],
    "Breda": ["Hoge Vucht", "Heuvel", "Tuinzigt"],
    "Leeuwarden": ["Heechterp", "Schieringen", "Vrijheidswijk"],
    "Maastricht": ["Malberg", "Caberg", "Wittevrouwenveld"],
    "Enschede": ["Velve-Lindenhof", "Pathmos", "Twekkelerveld"],
    "Almere": ["Stedenwijk", "Muziekwijk", "Haven"],
}
PARTNERS = [
    "woningcorporatie", "politie", "wijkagent", "sociaal wijkteam", "GGD", "welzijnsorganisatie", "jongerenwerk",
    "basisschool", "bibliotheek", "huisartsen", "wijkverpleging", "ondernemersvereniging", "bewonersvereniging",
    "huurdersvereniging", "Voedselbank", "Humanitas", "Leger des Heils", "buurtsportcoach", "MEE",
    "Vluchtelingenwerk", "zorgcoöperatie", "kerken en moskeeën", "energiecoöperatie", "hogeschool",
    "Rode Kruis", "Stichting Present", "Jeugdfonds Sport & Cultuur", "schuldhulpverlening",
]
TAGS = [
    "wijkgericht werken", "wijkregie", "buurtbudget", "participatie", "burgerkracht", "eigen kracht",
    "samenredzaamheid", "wijkaanpak", "buurtgericht", "netwerk", "preventie", "ontmoeting", "vrijwilligers",
    "maatschappelijk vastgoed", "leefbaarheid", "integraal werken", "right to challenge", "wijkvisie",
    "bewonersplatform", "sociale cohesie", "kwetsbare wijken", "experiment", "pilot",
]
ROLES = ["wijkregisseur", "wijkmanager", "wijkambtenaar", "wijkcoördinator", "projectleider", "beleidsadviseur",
         "opbouwwerker", "gebiedsmakelaar", "wijkverbinder"]
FIRST_NAMES = ["Anne", "Bram", "Carla", "Daan", "Esther", "Fatima", "Geert", "Hanneke", "Ilse", "Jeroen", "Karim",
               "Lotte", "Mohamed", "Noor", "Pieter", "Renske", "Sanne", "Tom", "Yasmina", "Wouter", "Zeynep"]
LAST_NAMES = ["de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
              "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "El Amrani", "Yilmaz", "Kramer", "Dekker", "Postma"]

OPENINGS = [
    "In {wijk} in {gemeente} liep het contact tussen bewoners en gemeente al jaren stroef.",
    "{gemeente} koos in {start} voor een andere aanpak in {wijk}.",
    "Bewoners van {wijk} klaagden al lang dat de gemeente te ver weg stond.",
    "Toen in {start} de budgetten voor welzijn werden gekort, zocht {gemeente} naar een nieuwe werkwijze.",
    "De wijk {wijk} staat hoog op de lijst van aandachtswijken van {gemeente}.",
    "Het begon met een avond in het buurthuis van {wijk}, waar bewoners hun zorgen deelden.",
]
MIDDLES = [
    "Het idee was eenvoudig: {wat}.",
    "Sinds {start} werkt {gemeente} zo: {wat}.",
    "De kern van de aanpak: {wat}.",
    "Wat er veranderde? {Wat}.",
]
DETAILS = [
    "De wijkambtenaar is het vaste aanspreekpunt en kent de buurt van binnen en van buiten.",
    "Samen met partners als {partner} en {partner2} werd een plan gemaakt dat bewoners zelf hadden bedacht.",
    "Elke maand komt een kerngroep van bewoners, professionals en de wijkregisseur bij elkaar.",
    "Het buurtbudget is klein, maar bewoners beslissen er zelf over.",
    "De gemeente stelde zich op als partner en niet als opdrachtgever.",
    "Vrijwilligers uit de buurt spelen een grote rol; zonder hen was het niet gelukt.",
    "Afspraken worden vastgelegd in een wijkagenda die elk jaar wordt bijgesteld.",
    "Er is een spreekuur in het wijkcentrum waar iedereen zonder afspraak binnen kan lopen.",
    "Signalen van bewoners komen via de wijkapp direct bij de juiste medewerker terecht.",
    "De raad kreeg elk halfjaar een verslag van de voortgang, met verhalen van bewoners.",
    "Ook de partner {partner} schoof aan, wat de lijnen tussen zorg en veiligheid korter maakte.",
    "Het wijkteam werkt vanuit een pand midden in {wijk}, naast de supermarkt.",
    "Jongeren uit {wijk} hielpen mee met de uitvoering en kregen daar een vergoeding voor.",
    "Bewoners die de taal niet goed spreken werden bereikt via sleutelfiguren uit hun eigen gemeenschap.",
]
RESULTS = [
    "Meer bewoners doen mee: het aantal bewonersinitiatieven verdubbelde in twee jaar.",
    "Bewoners geven de buurt een hoger rapportcijfer dan vóór de start.",
    "Meldingen van overlast namen met een derde af.",
    "Het buurthuis is weer elke dag open en wordt door vrijwilligers gerund.",
    "Huishoudens met schulden worden eerder geholpen; huisuitzettingen zijn zeldzaam geworden.",
    "De wachttijd voor ondersteuning daalde van weken naar dagen.",
    "Ouderen voelen zich minder eenzaam, blijkt uit de wijkmonitor.",
    "De aanpak is overgenomen in drie andere wijken van de gemeente.",
    "Jongeren hebben een eigen plek en de overlast op het plein is verdwenen.",
]
LESSONS = [
    "Geef bewoners echt zeggenschap, niet alleen inspraak.",
    "Een vast gezicht in de wijk werkt beter dan een loket.",
    "Begin klein en laat zien wat werkt voordat je opschaalt.",
    "Houd de regels eenvoudig: een formulier van één kantje is genoeg.",
    "Investeer in vertrouwen; dat kost tijd, maar levert het meeste op.",
    "Zorg dat de organisatie achter de wijkambtenaar staat, ook als het schuurt.",
    "Betrek de gemeenteraad vanaf het begin, niet pas bij de evaluatie.",
    "Vier successen samen met de buurt.",
    "Professionals moeten leren loslaten en ruimte geven aan bewoners.",
]
CONGRESS_YEARS = list(range(2014, 2025))


def _neighbourhoods(rng, municipality, count):
    pool = KNOWN_NEIGHBOURHOODS.get(municipality, []) + NEIGHBOURHOOD_PARTS
    return rng.sample(pool, count)


def _fill(template, values):
    return template.format(**values)


def generate_case(index, seed=DEFAULT_SEED):
    """Case number `index` of the set with this seed, as a record of the import format."""
    rng = random.Random(f"{seed}:{index}")
    municipality, province = rng.choices(PLACES, weights=PLACE_WEIGHTS)[0]
    main_theme = rng.choice(THEMES)
    themes = [main_theme] + rng.sample([theme for theme in THEMES if theme != main_theme], rng.choice([0, 1, 1, 2]))
    subject, what = rng.choice(SUBJECTS[main_theme])
    wijken = _neighbourhoods(rng, municipality, rng.choice([1, 1, 2, 3]))
    start = rng.randint(2008, 2025)
    end = None if rng.random() < 0.4 else min(2025, start + rng.randint(0, 5))
    partners = rng.sample(PARTNERS, rng.randint(1, 4))
    values = {"wijk": wijken[0], "gemeente": municipality, "start": start, "wat": what, "Wat": what[0].upper() + what[1:],
              "partner": partners[0], "partner2": partners[1] if len(partners) > 1 else "de gemeente"}

    paragraphs = []
    for number in range(rng.randint(2, 5)):
        sentences = [rng.choice(OPENINGS), rng.choice(MIDDLES)] if number == 0 else []
        sentences += rng.sample(DETAILS, rng.randint(2, 5))
        sentences = [_fill(sentence, values) for sentence in sentences]
        paragraphs.append(" ".join(sentence[0].upper() + sentence[1:] for sentence in sentences))
    congress = rng.choice(CONGRESS_YEARS) if rng.random() < 0.2 else None
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    record = {
        "external_id": f"bench-{seed}-{index:07d}",
        "title": f"{subject} in {wijken[0]}" + (f" ({start})" if rng.random() < 0.3 else ""),
        "municipality": municipality,
        "province": province,
        "summary": f"{municipality}: {what}. " + rng.choice(RESULTS),
        "body": "\n\n".join(paragraphs),
        "themes": themes,
        "tags": rng.sample(TAGS, rng.randint(0, 3)),
        "neighbourhoods": wijken,
        "year_start": start,
        "year_end": end,
        "partners": partners,
        "results": " ".join(rng.sample(RESULTS, 2)),
        "lessons_learned": " ".join(rng.sample(LESSONS, 2)),
        "congress_year": congress,
        "contact": {
            "name": f"{first} {last}",
            "role": rng.choice(ROLES),
            "email": f"{first.lower()}.{last.lower().replace(' ', '')}@example.nl",
            "public": rng.random() < 0.5,
        },
        "published": rng.random() < 0.95,
    }
    if rng.random() < 0.3:
        record["budget_euros"] = rng.randrange(5_000, 500_000, 500)
    return record


def generate_cases(count, seed=DEFAULT_SEED):
    for index in range(count):
        yield generate_case(index, seed)


def write_cases(path, count, seed=DEFAULT_SEED):
    """Write {"cases": [...]} of `count` generated cases to path, one record at a time."""
    with open(path, "w", encoding="utf-8") as stream:
        stream.write('{"cases": [')
        for number, record in enumerate(generate_cases(count, seed)):
            stream.write(",\n" if number else "\n")
            stream.write(json.dumps(record, ensure_ascii=False))
        stream.write("\n]}\n")
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", default="-", help="file to write, or - for stdout")
    args = parser.parse_args(argv)
    if args.out == "-":
        sys.stdout.write('{"cases": [')
        for number, record in enumerate(generate_cases(args.count, args.seed)):
            sys.stdout.write(",\n" if number else "\n")
            sys.stdout.write(json.dumps(record, ensure_ascii=False))
        sys.stdout.write("\n]}\n")
    else:
        write_cases(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
