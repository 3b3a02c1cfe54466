/* kp-doc-language.c — the catalogues of the document languages: nb, nn, se, smj, sma
 *
 * A brochure's language belongs to the course, not to the UI, and must render the same on a
 * machine with no Sami locale: so the names and patterns live here, not in glibc or gettext.
 *
 * REVIEW: every Sami string below marked † needs a native speaker's review before a release
 * (DOMAIN.md). Month and weekday names follow the Unicode CLDR locale data; the date patterns
 * follow glibc's se_NO and the examples in DOMAIN.md. The Lule and South Sami labels, role names
 * and kinds of contribution are drafts: each says where its words were found (the GiellaLT
 * dictionaries and analysers, Giellagáldu's terms, texts published in the language) or that it
 * is our own construction from such words; po/smj.po and po/sma.po use the same words where the
 * window shows them. An entry left NULL would print the Bokmål label instead; none is left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-doc-language"

#include "config.h"

#include <string.h>

#include "kp-doc-language.h"

#define N_ROLES 6
#define N_KINDS 6

struct _KpDocLanguage
{
  const char *code;
  const char *name;                  /* the language's own name */
  const char *weekdays[7];           /* Monday first, as GDateWeekday counts */
  const char *weekdays_in_date[7];   /* the form inside a date; NULL: as weekdays */
  const char *weekdays_short[7];     /* abbreviated (%a); NULL: the full name */
  const char *months[12];
  const char *months_in_date[12];    /* the form inside a date (genitive); NULL: as months */
  const char *months_short[12];      /* abbreviated (%b); NULL: the full name */
  const char *date_pattern;          /* {w} weekday, {d} day, {m} month, {y} year */
  const char *time_prefix;           /* before "18.00–20.30" */
  const char *labels[KP_DOC_N_LABELS];
  const char *roles[N_ROLES];        /* as KpRole */
  const char *kinds[N_KINDS];        /* as KpContributionKind */
};

static const KpDocLanguage languages[] = {
  {
    .code = "nb",
    .name = "norsk bokmål",
    .weekdays = { "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag" },
    .weekdays_short = { "man.", "tir.", "ons.", "tor.", "fre.", "lør.", "søn." },
    .months = { "januar", "februar", "mars", "april", "mai", "juni",
                "juli", "august", "september", "oktober", "november", "desember" },
    .months_short = { "jan.", "feb.", "mar.", "apr.", "mai", "jun.",
                      "jul.", "aug.", "sep.", "okt.", "nov.", "des." },
    .date_pattern = "{w} {d}. {m} {y}",
    .time_prefix = "kl.",
    .labels = {
      [KP_DOC_LABEL_FOR_WHOM] = "Hvem er kurset for?",
      [KP_DOC_LABEL_WHAT_YOU_GET] = "Hva får du?",
      [KP_DOC_LABEL_PROGRAMME] = "Program",
      [KP_DOC_LABEL_PRACTICAL] = "Praktisk informasjon",
      [KP_DOC_LABEL_PLACE] = "Sted",
      [KP_DOC_LABEL_PRICE] = "Pris",
      [KP_DOC_LABEL_DEADLINE] = "Påmeldingsfrist",
      [KP_DOC_LABEL_REGISTRATION] = "Påmelding",
      [KP_DOC_LABEL_CONTACT] = "Kontakt",
      [KP_DOC_LABEL_ORGANISER] = "Arrangør",
      [KP_DOC_LABEL_PARTNERS] = "I samarbeid med",
      [KP_DOC_LABEL_PLANNED_TOGETHER] =
        "Kurset er planlagt i fellesskap av brukerrepresentanter og fagpersoner.",
      [KP_DOC_LABEL_CANCELLED] = "Avlyst",
      [KP_DOC_LABEL_PAGE] = "Side",
      [KP_DOC_LABEL_ACCESSIBILITY] = "Tilgjengelighet",
      [KP_DOC_LABEL_CONDITIONS] = "Godt å vite",
      [KP_DOC_LABEL_REFERRAL] = "Du må ha henvisning fra lege.",
      [KP_DOC_LABEL_CO_PAYMENT] =
        "Kurset koster egenandel, som ved poliklinisk behandling. Er du under 16 år eller har "
        "frikort, betaler du ikke. Pårørende, også foreldre på kurs for foreldre, betaler ikke "
        "egenandel.",
      [KP_DOC_LABEL_TRAVEL_REFUND] =
        "Med henvisning kan du få dekket reiseutgiftene gjennom Pasientreiser.",
      [KP_DOC_LABEL_CO_PAYMENT_FIRST_DAY] = "Egenandelen betales bare for første kursdag.",
      [KP_DOC_LABEL_NO_SHOW_FEE] =
        "Møter du ikke, og har ikke meldt avbud, må du betale et gebyr.",
      [KP_DOC_LABEL_NOTICE_ONE_HOUR] =
        "Kan du ikke komme, må du melde avbud senest én time før.",
      [KP_DOC_LABEL_NOTICE_HOURS] =
        "Kan du ikke komme, må du melde avbud senest {n} timer før.",
      [KP_DOC_LABEL_REFERRAL_TO] = "Henvisningen sendes til:",
      [KP_DOC_LABEL_COURSES] = "Kurs",
      [KP_DOC_LABEL_PLANNING_GROUP] = "planleggingsgruppe",
      [KP_DOC_LABEL_PLANNING_MEETING] = "Planleggingsmøte",
      [KP_DOC_LABEL_EVALUATION_MEETING] = "Evalueringsmøte",
      [KP_DOC_LABEL_ATTENDING] = "Til stede:",
      [KP_DOC_LABEL_JOIN_VIDEO] = "Lenke til videomøtet:",
      [KP_DOC_LABEL_DIGITAL] =
        "Kurset går digitalt, på video. Lenken sendes til dem som er påmeldt.",
      [KP_DOC_LABEL_HYBRID] =
        "Du kan delta i kurslokalet eller på video. Lenken sendes til dem som er påmeldt.",
      [KP_DOC_LABEL_DIGITAL_NEEDS] =
        "På video trenger du en PC, et nettbrett eller en mobil med kamera og mikrofon, og et "
        "rolig rom der du kan snakke fritt.",
      [KP_DOC_LABEL_REMINDER] = "Påminnelse",
    },
    .roles = { "kursleder", "fagperson", "brukerrepresentant", "erfaringskonsulent",
               "likeperson", "koordinator" },
    .kinds = { "Faginnlegg", "Brukerinnlegg", "Erfaringsutveksling", "Gruppearbeid",
               "Praktisk aktivitet", "Pause" },
  },
  {
    .code = "nn",
    .name = "norsk nynorsk",
    .weekdays = { "måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag" },
    .weekdays_short = { "mån.", "tys.", "ons.", "tor.", "fre.", "lau.", "sun." },
    .months = { "januar", "februar", "mars", "april", "mai", "juni",
                "juli", "august", "september", "oktober", "november", "desember" },
    .months_short = { "jan.", "feb.", "mar.", "apr.", "mai", "jun.",
                      "jul.", "aug.", "sep.", "okt.", "nov.", "des." },
    .date_pattern = "{w} {d}. {m} {y}",
    .time_prefix = "kl.",
    .labels = {
      [KP_DOC_LABEL_FOR_WHOM] = "Kven er kurset for?",
      [KP_DOC_LABEL_WHAT_YOU_GET] = "Kva får du?",
      [KP_DOC_LABEL_PROGRAMME] = "Program",
      [KP_DOC_LABEL_PRACTICAL] = "Praktisk informasjon",
      [KP_DOC_LABEL_PLACE] = "Stad",
      [KP_DOC_LABEL_PRICE] = "Pris",
      [KP_DOC_LABEL_DEADLINE] = "Påmeldingsfrist",
      [KP_DOC_LABEL_REGISTRATION] = "Påmelding",
      [KP_DOC_LABEL_CONTACT] = "Kontakt",
      [KP_DOC_LABEL_ORGANISER] = "Arrangør",
      [KP_DOC_LABEL_PARTNERS] = "I samarbeid med",
      [KP_DOC_LABEL_PLANNED_TOGETHER] =
        "Kurset er planlagt i fellesskap av brukarrepresentantar og fagpersonar.",
      [KP_DOC_LABEL_CANCELLED] = "Avlyst",
      [KP_DOC_LABEL_PAGE] = "Side",
      [KP_DOC_LABEL_ACCESSIBILITY] = "Tilgjenge",
      [KP_DOC_LABEL_CONDITIONS] = "Godt å vite",
      [KP_DOC_LABEL_REFERRAL] = "Du må ha tilvising frå lege.",
      [KP_DOC_LABEL_CO_PAYMENT] =
        "Kurset kostar eigendel, som ved poliklinisk behandling. Er du under 16 år eller har "
        "frikort, betaler du ikkje. Pårørande, også foreldre på kurs for foreldre, betaler "
        "ikkje eigendel.",
      [KP_DOC_LABEL_TRAVEL_REFUND] =
        "Med tilvising kan du få dekt reiseutgiftene gjennom Pasientreiser.",
      [KP_DOC_LABEL_CO_PAYMENT_FIRST_DAY] = "Eigendelen betaler du berre for første kursdag.",
      [KP_DOC_LABEL_NO_SHOW_FEE] =
        "Møter du ikkje, og har ikkje meldt avbod, må du betale eit gebyr.",
      [KP_DOC_LABEL_NOTICE_ONE_HOUR] =
        "Kan du ikkje kome, må du melde avbod seinast éin time før.",
      [KP_DOC_LABEL_NOTICE_HOURS] =
        "Kan du ikkje kome, må du melde avbod seinast {n} timar før.",
      [KP_DOC_LABEL_REFERRAL_TO] = "Tilvisinga skal sendast til:",
      [KP_DOC_LABEL_COURSES] = "Kurs",
      [KP_DOC_LABEL_PLANNING_GROUP] = "planleggingsgruppe",
      [KP_DOC_LABEL_PLANNING_MEETING] = "Planleggingsmøte",
      [KP_DOC_LABEL_EVALUATION_MEETING] = "Evalueringsmøte",
      [KP_DOC_LABEL_ATTENDING] = "Til stades:",
      [KP_DOC_LABEL_JOIN_VIDEO] = "Lenkje til videomøtet:",
      [KP_DOC_LABEL_DIGITAL] =
        "Kurset går digitalt, på video. Lenkja blir send til dei som er påmelde.",
      [KP_DOC_LABEL_HYBRID] =
        "Du kan delta i kurslokalet eller på video. Lenkja blir send til dei som er påmelde.",
      [KP_DOC_LABEL_DIGITAL_NEEDS] =
        "På video treng du ein PC, eit nettbrett eller ein mobil med kamera og mikrofon, og eit "
        "roleg rom der du kan snakke fritt.",
      [KP_DOC_LABEL_REMINDER] = "Påminning",
    },
    .roles = { "kursleiar", "fagperson", "brukarrepresentant", "erfaringskonsulent",
               "likeperson", "koordinator" },
    .kinds = { "Fagleg innlegg", "Brukarinnlegg", "Erfaringsutveksling", "Gruppearbeid",
               "Praktisk aktivitet", "Pause" },
  },
  {
    /* North Sami. Dates: `duorastat njukčamánu 4. b. 2027` (b. = beaivi), the month in the
     * genitive (-mánu) as glibc's se_NO writes it; the time prefix dii. = diibmu. † */
    .code = "se",
    .name = "davvisámegiella",
    .weekdays = { "vuossárga", "maŋŋebárga", "gaskavahkku", "duorastat", "bearjadat",
                  "lávvardat", "sotnabeaivi" },
    .months = { "ođđajagemánnu", "guovvamánnu", "njukčamánnu", "cuoŋománnu", "miessemánnu",
                "geassemánnu", "suoidnemánnu", "borgemánnu", "čakčamánnu", "golggotmánnu",
                "skábmamánnu", "juovlamánnu" },
    .months_in_date = { "ođđajagemánu", "guovvamánu", "njukčamánu", "cuoŋománu", "miessemánu",
                        "geassemánu", "suoidnemánu", "borgemánu", "čakčamánu", "golggotmánu",
                        "skábmamánu", "juovlamánu" },
    /* Abbreviations as CLDR's se. † */
    .weekdays_short = { "vuos", "maŋ", "gask", "duor", "bear", "láv", "sotn" },
    .months_short = { "ođđj", "guov", "njuk", "cuo", "mies", "geas", "suoi", "borg", "čakč",
                      "golg", "skáb", "juov" },
    .date_pattern = "{w} {m} {d}. b. {y}",
    .time_prefix = "dii.",                                          /* † */
    .labels = {
      [KP_DOC_LABEL_FOR_WHOM] = "Geasa kursa lea?",                 /* † */
      [KP_DOC_LABEL_WHAT_YOU_GET] = "Maid don oaččut?",             /* † */
      [KP_DOC_LABEL_PROGRAMME] = "Prográmma",                       /* † */
      [KP_DOC_LABEL_PRACTICAL] = "Praktihkalaš dieđut",             /* † */
      [KP_DOC_LABEL_PLACE] = "Báiki",
      [KP_DOC_LABEL_PRICE] = "Haddi",                               /* † */
      [KP_DOC_LABEL_DEADLINE] = "Dieđihanáigemearri",               /* † */
      [KP_DOC_LABEL_REGISTRATION] = "Dieđiheapmi",                  /* † */
      [KP_DOC_LABEL_CONTACT] = "Oktavuohta",                        /* † */
      [KP_DOC_LABEL_ORGANISER] = "Lágideaddji",
      [KP_DOC_LABEL_PARTNERS] = "Ovttasbargoguoimmit",              /* † */
      [KP_DOC_LABEL_PLANNED_TOGETHER] =                             /* † */
        "Geavaheaddjiovddasteaddjit ja fágaolbmot leat plánen kurssa ovttas.",
      [KP_DOC_LABEL_CANCELLED] = "Šluhttejuvvon",                   /* † */
      [KP_DOC_LABEL_PAGE] = "Siidu",                                /* † */
      [KP_DOC_LABEL_ACCESSIBILITY] = "Olámuttus",                   /* † */
      [KP_DOC_LABEL_CONDITIONS] = "Buorre diehtit",                 /* † */
      [KP_DOC_LABEL_REFERRAL] = "Dus ferte leat doaktára čujuhus.", /* † */
      [KP_DOC_LABEL_CO_PAYMENT] =                                   /* † */
        "Kursa máksá iešmávssu, nugo poliklinihkalaš dikšu. Jus don leat vuollel 16 jagi "
        "dahje dus lea friddjakoarta, de it mávsse. Oapmahaččat, maiddái váhnemat "
        "váhnemiid kurssain, eai mávsse iešmávssu.",
      [KP_DOC_LABEL_TRAVEL_REFUND] =                                /* † */
        "Doaktára čujuhusain sáhtát oažžut mátkegoluid gokčojuvvot Pasientreiser bokte.",
      [KP_DOC_LABEL_CO_PAYMENT_FIRST_DAY] =                         /* † */
        "Iešmávssu máksá dušše vuosttaš kursabeaivvi ovddas.",
      [KP_DOC_LABEL_NO_SHOW_FEE] =                                  /* † divat, fee */
        "Jus it boađe, iige leat dieđihan ahte it boađe, de fertet máksit divada.",
      [KP_DOC_LABEL_NOTICE_ONE_HOUR] =                              /* † */
        "Jus it sáhte boahtit, de dieđit dan maŋimusat diimmu ovdal.",
      [KP_DOC_LABEL_NOTICE_HOURS] =                                 /* † */
        "Jus it sáhte boahtit, de dieđit dan maŋimusat {n} diimmu ovdal.",
      [KP_DOC_LABEL_REFERRAL_TO] = "Doaktára čujuhus sáddejuvvo dása:", /* † */
      [KP_DOC_LABEL_COURSES] = "Kurssat",                           /* as se.po */
      [KP_DOC_LABEL_PLANNING_GROUP] = "plánenjoavku",               /* † as se.po */
      [KP_DOC_LABEL_PLANNING_MEETING] = "Plánenčoahkkin",           /* † as se.po */
      [KP_DOC_LABEL_EVALUATION_MEETING] = "Árvvoštallančoahkkin",   /* † as se.po */
      [KP_DOC_LABEL_ATTENDING] = "Leat mielde:",                    /* as se.po */
      [KP_DOC_LABEL_JOIN_VIDEO] = "Liŋka videočoahkkimii:",          /* † */
      [KP_DOC_LABEL_DIGITAL] =                                        /* † */
        "Kursa lágiduvvo digitálalaččat, videos. Liŋka sáddejuvvo sidjiide geat leat "
        "dieđihan searvat.",
      [KP_DOC_LABEL_HYBRID] =                                         /* † */
        "Sáhtát searvat kursalanjas dahje videos. Liŋka sáddejuvvo sidjiide geat leat "
        "dieđihan searvat.",
      [KP_DOC_LABEL_DIGITAL_NEEDS] =                                  /* † */
        "Videos dárbbašat dihtora, tableahta dahje mobiilla mas lea kamera ja mikrofovdna, ja "
        "jaskes lanja gos sáhtát friddja hállat.",
      [KP_DOC_LABEL_REMINDER] = "Muittuhus",                       /* † */
    },
    .roles = { "kursajođiheaddji",                                  /* † */
               "fágaolmmoš",                                        /* † */
               "geavaheaddjiovddasteaddji",                         /* † */
               "vásáhuskonsuleanta",                                /* † */
               "likeperson",                /* † no Sami word known to us: the Norwegian term */
               "koordináhtor" },                                    /* † */
    .kinds = { "Fágalaš sáhkavuorru",                               /* † */
               "Geavaheaddji sáhkavuorru",                          /* † */
               "Vásáhusaid lonohallan",                             /* † */
               "Joavkobargu",                                       /* † */
               "Praktihkalaš doaibma",                              /* † */
               "Boddu" },                                           /* † */
  },
  {
    /* Lule Sami. Dates: `gålgådismáno 10. biejve 2023`, the month in the genitive (-máno), as
     * the Swedish Sámediggi writes it (`gålgådismáno 10.-11. biejve 2023`); CLDR's smj has no
     * date patterns, only the language's name and letters. Norway's variant calls Sunday
     * sådnåbiejvve (CLDR: ájllek). †
     *
     * Sources of the words: DutkanSápmi = the Lule Sami pages of the DutkanSápmi conference
     * site (Diededibme, Prográmma, aktisasjbarggo, aktijvuohta, sadje, ulmme, oadtjot);
     * dict-nob-smj = GiellaLT's Norwegian–Lule Sami dictionary (kurssa, -jådediddje, fáhka-,
     * hadde); termwiki = Giellagáldu's North–Lule Sami terms in GiellaLT's dict-sme-smj
     * (kloahkka, båddå, juogos, -ulmusj, bessam-, -kårttå, guojmme-); lang-smj = GiellaLT's
     * Lule Sami analyser (pronouns gesi, majt, dån; sijddo "page"); Hábmer = Hábmer
     * municipality's Norwegian–Lule Sami medical word list (GiellaLT dict-smj-nob-x-habmer:
     * sievedus "henvisning", dåktår "lege", iesjmávsos "egenandel", dálkudibme "behandling",
     * lagámus "pårørende", skihppijåvdåstiddje "pasientombud", doajmma "aktivitet", addne
     * "user"). "own" = our construction from such words by the regular North–Lule Sami
     * correspondences. */
    .code = "smj",
    .name = "julevsámegiella",
    .weekdays = { "mánnodahka", "dijstahka", "gasskavahkko", "duorastahka", "bierjjedahka",
                  "lávvodahka", "sådnåbiejvve" },
    .months = { "ådåjakmánno", "guovvamánno", "sjnjuktjamánno", "vuoratjismánno",
                "moarmesmánno", "biehtsemánno", "sjnjilltjamánno", "bårggemánno",
                "ragátmánno", "gålgådismánno", "basádismánno", "javllamánno" },
    .months_in_date = { "ådåjakmáno", "guovvamáno", "sjnjuktjamáno", "vuoratjismáno",
                        "moarmesmáno", "biehtsemáno", "sjnjilltjamáno", "bårggemáno",
                        "ragátmáno", "gålgådismáno", "basádismáno", "javllamáno" },
    .date_pattern = "{w} {m} {d}. biejve {y}",
    .time_prefix = "kl.",                   /* † kl. = kloahkka (termwiki: diibmu → kloahkka) */
    .labels = {
      [KP_DOC_LABEL_FOR_WHOM] = "Gesi kurssa la?",                  /* † own: lang-smj gesi */
      [KP_DOC_LABEL_WHAT_YOU_GET] = "Majt dån oattjo?",             /* † own: oadtjot, 2sg */
      [KP_DOC_LABEL_PROGRAMME] = "Prográmma",                       /* † DutkanSápmi */
      [KP_DOC_LABEL_PRACTICAL] = "Praktihkalasj diedo",             /* † own: diehto, pl. */
      [KP_DOC_LABEL_PLACE] = "Sadje",                               /* † DutkanSápmi sajev */
      [KP_DOC_LABEL_PRICE] = "Hadde",                               /* † dict-nob-smj */
      [KP_DOC_LABEL_DEADLINE] = "Diededimájggemierre",  /* † own: diededibme + ájgge + mierre */
      [KP_DOC_LABEL_REGISTRATION] = "Diededibme",                   /* † DutkanSápmi */
      [KP_DOC_LABEL_CONTACT] = "Aktijvuohta",                       /* † DutkanSápmi */
      [KP_DOC_LABEL_ORGANISER] = "Lágediddje",                      /* † own: sme lágideaddji */
      [KP_DOC_LABEL_PARTNERS] = "Aktisasjbarggoguojme", /* † own: aktisasjbarggo + guojmme */
      [KP_DOC_LABEL_PLANNED_TOGETHER] =                             /* † own */
        "Adnijåvdåstiddje ja fáhkaulmutja li kurssav aktan plánim.",
      [KP_DOC_LABEL_CANCELLED] = "Hilggodum",                       /* † own: hilggot, as smj.po */
      [KP_DOC_LABEL_PAGE] = "Sijddo",                               /* † lang-smj álggosijddo */
      [KP_DOC_LABEL_ACCESSIBILITY] = "Bessam",                      /* † termwiki bessamkårttå */
      [KP_DOC_LABEL_CONDITIONS] = "Buorre diehtet",                 /* † own */
      [KP_DOC_LABEL_REFERRAL] = "Dujna hæhttu liehket dåktåra sievedus.", /* † Hábmer */
      [KP_DOC_LABEL_CO_PAYMENT] =                                   /* † own, Hábmer words */
        "Kurssa máksá iesjmáksusav, nåv gåk poliklinihkalasj dálkudibme. Jus dån la vuollel "
        "16 jage jali dujna l friddjakårttå, de i mákse. Lagámusá, aj æjgáda æjgádij "
        "kurssajn, e mákse iesjmáksusav.",
      [KP_DOC_LABEL_TRAVEL_REFUND] =                                /* † own, Hábmer sievedus */
        "Sievedusájn máhtá mátkkegoloj mákson oadtjot Pasientreiser baktu.",
      [KP_DOC_LABEL_CO_PAYMENT_FIRST_DAY] =                         /* † own */
        "Iesjmáksusav mákse dåssju vuostasj kurssabiejve åvdås.",
      [KP_DOC_LABEL_NO_SHOW_FEE] =                                  /* † own */
        "Jus i báde ja i la diededam, de hæhttu divudav mákset.",
      [KP_DOC_LABEL_NOTICE_ONE_HOUR] =                              /* † own */
        "Jus i máhte boahtet, de diededa maŋemusát tijme åvddål.",
      [KP_DOC_LABEL_NOTICE_HOURS] =                                 /* † own */
        "Jus i máhte boahtet, de diededa maŋemusát {n} tijme åvddål.",
      [KP_DOC_LABEL_REFERRAL_TO] = "Sievedus sáddiduvvá dási:",     /* † own, Hábmer sievedus */
      [KP_DOC_LABEL_COURSES] = "Kursa",                             /* † own: kurssa, pl. */
      [KP_DOC_LABEL_PLANNING_GROUP] = "plánimjuogos",               /* † own: termwiki juogos */
      [KP_DOC_LABEL_PLANNING_MEETING] = "Plánimtjåhkkim",           /* † own */
      [KP_DOC_LABEL_EVALUATION_MEETING] = "Árvustallamtjåhkkim",    /* † own */
      [KP_DOC_LABEL_ATTENDING] = "Li mielde:",                      /* † own */
      [KP_DOC_LABEL_JOIN_VIDEO] = "Liŋkka videotjåhkanibmáj:",        /* † own */
      [KP_DOC_LABEL_DIGITAL] =                                        /* † own */
        "Kurssa dágáduvvá digitálalattjat, videon. Liŋkka sáddiduvvá sidjij gudi li "
        "diededam sihtti oassálastet.",
      [KP_DOC_LABEL_HYBRID] =                                         /* † own */
        "Máhtá oassálastet kurssalanjan jali videon. Liŋkka sáddiduvvá sidjij gudi li "
        "diededam sihtti oassálastet.",
      [KP_DOC_LABEL_DIGITAL_NEEDS] =                                  /* † own */
        "Videon dárbaša dáhtåra, nettbrettav jali mobiillav kámerajn ja mikrofåvnåjn, ja "
        "jaskadis lanjav gånnå máhtá friddja hållat.",
      [KP_DOC_LABEL_REMINDER] = "Mujttádus",                       /* † own */
    },
    .roles = { "kurssajådediddje",                    /* † dict-nob-smj -jådediddje */
               "fáhkaulmusj",                         /* † dict-nob-smj fáhka-, termwiki -ulmusj */
               "adnijåvdåstiddje",                    /* † own, as Hábmer skihppijåvdåstiddje */
               "vásáduskonsulænnta",                  /* † own: dict-nob-smj -konsulænnta */
               "likeperson",                /* † no Sami word known to us: the Norwegian term */
               "koordinátor" },                       /* † own */
    .kinds = { "Fáhkasáhkavuorro",                    /* † own */
               "Adnij sáhkavuorro",                   /* † own */
               "Vásádusáj lånudallam",                /* † own */
               "Juogosbarggo",                        /* † termwiki juogos */
               "Praktihkalasj doajmma",               /* † Hábmer: aktivitet → doajmma */
               "Båddå" },                             /* † termwiki: gaskkamuttu vuorru → båddå */
  },
  {
    /* South Sami. Dates: `duarstan snjaltjen 5. b. 2027`, weekday and month in the genitive
     * (-n) as in DOMAIN.md's example and NDLA's South Sami text (`duarstan snjaltjen 5.b.`);
     * b. = biejjie in GiellaLT's lang-sma abbreviations. CLDR's sma has no date patterns. †
     *
     * Sources of the words: NRK = NRK Sápmi's South Sami articles (kuvsje, øørnedæjja,
     * ektiebarkoe, ektesne, maeksedh); DutkanSápmi = its conference site's South Sami pages
     * (Programme, registreradidh, sijjie, joekedidh); NDLA = its South Sami texts (åvtehke,
     * soptsestimmie); Udir = "Bïevnesh naasjovnalen pryövoej bïjre" (bïevnesh, information);
     * satni = the South Sami UI of satni.org (jaksoes, accessible; nedtesæjroe, web page); lang-sma = GiellaLT's
     * analyser and its sme–sma notes (soejkesjidh, ts. = tsåahka, åasa in åasadaltese);
     * Saemiedigkie = the Sámediggi's South Sami pages, as kept in GiellaLT's CorpusTools tests
     * (tjirkijh "representatives", gaskesadteme in Gaskesadtemebïevnesh "contact information",
     * "Måanta – Bearjadahke, kl. 08.00-15.30"). "own" = our construction from such words; the
     * agent nouns as dotkije (DutkanSápmi) from dotkedh: nuhtjije "user" from nuhtjedh (NRK). */
    .code = "sma",
    .name = "åarjelsaemien gïele",
    .weekdays = { "måanta", "dæjsta", "gaskevåhkoe", "duarsta", "bearjadahke",
                  "laavvardahke", "aejlege" },
    .weekdays_in_date = { "måantan", "dæjstan", "gaskevåhkoen", "duarstan", "bearjadahken",
                          "laavvardahken", "aejlegen" },
    .months = { "tsïengele", "goevte", "njoktje", "voerhtje", "suehpede", "ruffie",
                "snjaltje", "mïetske", "skïerede", "golke", "rahka", "goeve" },
    .months_in_date = { "tsïengelen", "goevten", "njoktjen", "voerhtjen", "suehpeden",
                        "ruffien", "snjaltjen", "mïetsken", "skïereden", "golken", "rahkan",
                        "goeven" },
    .date_pattern = "{w} {m} {d}. b. {y}",
    /* † kl., as the Sámediggi's South Sami pages write opening hours (Saemiedigkie); GiellaLT
     * also lists ts (tsåahka). */
    .time_prefix = "kl.",
    .labels = {
      [KP_DOC_LABEL_FOR_WHOM] = "Gïese kuvsje?",          /* † own: gie, ill.; no copula */
      [KP_DOC_LABEL_WHAT_YOU_GET] = "Maam datne åadtjoeh?",         /* † own: åadtjodh (NRK) */
      [KP_DOC_LABEL_PROGRAMME] = "Programme",                       /* † DutkanSápmi */
      [KP_DOC_LABEL_PRACTICAL] = "Praktihkeles bïevnesh",           /* † Udir bïevnesh */
      [KP_DOC_LABEL_PLACE] = "Sijjie",                              /* † DutkanSápmi, NRK */
      [KP_DOC_LABEL_PRICE] = "Åasa",                                /* † lang-sma åasadaltese */
      /* † own: "last day to register", mïnngemes as in ovttas.no's South Sami texts */
      [KP_DOC_LABEL_DEADLINE] = "Mïnngemes biejjie registreradidh",
      [KP_DOC_LABEL_REGISTRATION] = "Registreradimmie",             /* † own: registreradidh */
      [KP_DOC_LABEL_CONTACT] = "Gaskesadteme",                      /* † Saemiedigkie */
      [KP_DOC_LABEL_ORGANISER] = "Øørnedæjja",                      /* † NRK */
      [KP_DOC_LABEL_PARTNERS] = "Ektiebarkoeguejmieh",              /* † own: ektiebarkoe+guejmie */
      [KP_DOC_LABEL_PLANNED_TOGETHER] =                             /* † own: soejkesjidh */
        "Nuhtjijetjirkijh jïh faagealmetjh leah kuvsjem ektesne soejkesjamme.",
      [KP_DOC_LABEL_CANCELLED] = "Orrijamme",                       /* † own: orrijidh, as sma.po */
      [KP_DOC_LABEL_PAGE] = "Sæjroe",                       /* † satni nedtesæjroe "web page" */
      [KP_DOC_LABEL_ACCESSIBILITY] = "Jaksoesvoete",                /* † own: satni jaksoes */
      [KP_DOC_LABEL_CONDITIONS] = "Hijven daejredh",                /* † own: hijven, daejredh */
      [KP_DOC_LABEL_REFERRAL] =                                     /* † own */
        "Datne tjoerh doktoren vuesiehtimmiem utnedh.",
      [KP_DOC_LABEL_CO_PAYMENT] =                                   /* † own: maeksedh (NRK) */
        "Kuvsje jïjtjemaaksoem maaksa, goh poliklinihkesne. Jis datne leah nuelie 16 jaepieh "
        "jallh frijkåarhtem åtnah, dellie ih maeksieh. Fuelhkie, aaj eejhtegh eejhtegi "
        "kuvsjine, eah jïjtjemaaksoem maeksieh.",
      [KP_DOC_LABEL_TRAVEL_REFUND] =                                /* † own */
        "Vuesiehtimmine maahtah fealadimmiemaaksoeh bååstede åadtjodh Pasientreiser tjïrrh.",
      [KP_DOC_LABEL_CO_PAYMENT_FIRST_DAY] =                         /* † own */
        "Jïjtjemaaksoem ajve voestes kuvsjebiejjien åvteste maaksa.",
      [KP_DOC_LABEL_NO_SHOW_FEE] =                                  /* † own */
        "Jis ih båetieh jïh ih leah bïevnedamme, dellie tjoerh maaksoem maeksedh.",
      [KP_DOC_LABEL_NOTICE_ONE_HOUR] =                              /* † own */
        "Jis ih maehtieh båetedh, bïevnedh mïnngemes akte tæjma åvtelen.",
      [KP_DOC_LABEL_NOTICE_HOURS] =                                 /* † own */
        "Jis ih maehtieh båetedh, bïevnedh mïnngemes {n} tæjmah åvtelen.",
      [KP_DOC_LABEL_REFERRAL_TO] = "Vuesiehtimmie seedtesåvva daase:", /* † own */
      [KP_DOC_LABEL_COURSES] = "Kuvsjh",                            /* † own: kuvsje, pl. */
      [KP_DOC_LABEL_PLANNING_GROUP] = "soejkesjimmiedåehkie",       /* † own: lang-sma */
      [KP_DOC_LABEL_PLANNING_MEETING] = "Soejkesjimmietjåanghkoe",  /* † own */
      [KP_DOC_LABEL_EVALUATION_MEETING] = "Vuarjasjimmietjåanghkoe", /* † own */
      [KP_DOC_LABEL_ATTENDING] = "Meatan:",                         /* † own */
      [KP_DOC_LABEL_JOIN_VIDEO] = "Lïhke videoetjåanghkosasse:",     /* † own */
      [KP_DOC_LABEL_DIGITAL] =                                        /* † own */
        "Kuvsje digitaale, videosne. Lïhke seedtesåvva sidjide gïeh leah jïjtjemse "
        "meatan tjaaleme.",
      [KP_DOC_LABEL_HYBRID] =                                         /* † own */
        "Maahtah kuvsjelanjesne jallh videosne meatan årrodh. Lïhke seedtesåvva sidjide "
        "gïeh leah jïjtjemse meatan tjaaleme.",
      [KP_DOC_LABEL_DIGITAL_NEEDS] =                                  /* † own */
        "Videosne datnine daarpesjh datovrem, nettebrettem jallh mobijlem kameraine jih "
        "mikrofovnine, jih sjaavohke lanjem gusnie maahtah friijavistie soptsestidh.",
      [KP_DOC_LABEL_REMINDER] = "Mujhtehtimmie",                   /* † own */
    },
    .roles = { "kuvsjen åvtehke",                     /* † NDLA åvtehke, NRK kuvsje */
               "faagealmetje",                        /* † own: faage- (NRK), almetje */
               "nuhtjijetjirkije",                 /* † own: nuhtjije + tjirkije (Saemiedigkie) */
               "dååjrehtsekonsulente",                /* † own */
               "likeperson",                /* † no Sami word known to us: the Norwegian term */
               "koordinatovre" },                     /* † own */
    .kinds = { "Faagesoptsestimmie",                  /* † NDLA soptsestimmie */
               "Nuhtjijen soptsestimmie",             /* † own: nuhtjije, NDLA soptsestimmie */
               "Dååjrehtsi joekedimmie",              /* † own: joekedidh (DutkanSápmi) */
               "Dåehkiebarkoe",                       /* † own: dåehkie, barkoe */
               "Praktihkeles darjome",                /* † own */
               "Boelhke" },                           /* † own, as sma.po */
  },
};

/**
 * kp_doc_language_lookup:
 * @code: "nb", "nn", "se", "smj" or "sma"
 *
 * Returns: (transfer none) (nullable): the catalogue, or %NULL for a language Kursplan does not
 *   write documents in
 */
const KpDocLanguage *
kp_doc_language_lookup (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i].code, code) == 0)
      return &languages[i];
  return NULL;
}

const char *
kp_doc_language_get_code (const KpDocLanguage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->code;
}

const char *
kp_doc_language_get_name (const KpDocLanguage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

const char *
kp_doc_language_get_weekday (const KpDocLanguage *self,
                             GDateWeekday         weekday)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, NULL);
  return self->weekdays[weekday - 1];
}

const char *
kp_doc_language_get_month (const KpDocLanguage *self,
                           GDateMonth           month)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (month >= G_DATE_JANUARY && month <= G_DATE_DECEMBER, NULL);
  return self->months[month - 1];
}

/* The month as it stands inside a date: the genitive in the Sami languages. */
const char *
kp_doc_language_get_month_in_date (const KpDocLanguage *self,
                                   GDateMonth           month)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (month >= G_DATE_JANUARY && month <= G_DATE_DECEMBER, NULL);
  if (self->months_in_date[month - 1] != NULL)
    return self->months_in_date[month - 1];
  return self->months[month - 1];
}

/* The weekday as it stands inside a date: South Sami puts it in the genitive. */
const char *
kp_doc_language_get_weekday_in_date (const KpDocLanguage *self,
                                     GDateWeekday         weekday)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, NULL);
  if (self->weekdays_in_date[weekday - 1] != NULL)
    return self->weekdays_in_date[weekday - 1];
  return self->weekdays[weekday - 1];
}

static const KpDocLanguage *
fallback (void)
{
  return &languages[0];
}

const char *
kp_doc_language_get_label (const KpDocLanguage *self,
                           KpDocLabel           label)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (label < KP_DOC_N_LABELS, NULL);
  if (self->labels[label] != NULL)
    return self->labels[label];
  return fallback ()->labels[label];
}

const char *
kp_doc_language_get_role (const KpDocLanguage *self,
                          KpRole               role)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) role < N_ROLES, NULL);
  if (self->roles[role] != NULL)
    return self->roles[role];
  return fallback ()->roles[role];
}

const char *
kp_doc_language_get_contribution_kind (const KpDocLanguage *self,
                                       KpContributionKind   kind)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) kind < N_KINDS, NULL);
  if (self->kinds[kind] != NULL)
    return self->kinds[kind];
  return fallback ()->kinds[kind];
}

/**
 * kp_doc_language_format_date:
 *
 * Returns: (transfer full): the date with its weekday in the language's own pattern:
 *   `torsdag 7. oktober 2027`, `duorastat njukčamánu 4. b. 2027`
 */
char *
kp_doc_language_format_date (const KpDocLanguage *self,
                             const GDate         *date)
{
  GDateWeekday weekday;
  GDateMonth month;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  weekday = g_date_get_weekday (date);
  month = g_date_get_month (date);
  out = g_string_new (NULL);
  for (const char *p = self->date_pattern; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, "{w}"))
        g_string_append (out, kp_doc_language_get_weekday_in_date (self, weekday));
      else if (g_str_has_prefix (p, "{d}"))
        g_string_append_printf (out, "%u", (guint) g_date_get_day (date));
      else if (g_str_has_prefix (p, "{m}"))
        g_string_append (out, kp_doc_language_get_month_in_date (self, month));
      else if (g_str_has_prefix (p, "{y}"))
        g_string_append_printf (out, "%u", (guint) g_date_get_year (date));
      else
        {
          g_string_append_c (out, *p);
          continue;
        }
      p += 2;
    }
  return g_string_free (out, FALSE);
}

/* The flags g_date_time_format() allows between '%' and the conversion: "%-d", "%_H", "%:z". */
#define FORMAT_FLAGS "-_0O:"

/* Whether @pattern writes the day of the month, so that its month and weekday stand inside a
 * date (the genitive in the Sami languages) rather than on their own. */
static gboolean
pattern_has_day (const char *pattern)
{
  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (*p != '%')
        continue;
      p++;
      while (*p != '\0' && strchr (FORMAT_FLAGS, *p) != NULL)
        p++;
      if (*p == 'd' || *p == 'e')
        return TRUE;
      if (*p == '\0')
        break;
    }
  return FALSE;
}

static void
append_literal (GString    *out,
                const char *name)
{
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '%')
        g_string_append_c (out, '%');
      g_string_append_c (out, *p);
    }
}

/**
 * kp_doc_language_format_date_time:
 * @self: (nullable): the language of the names, or %NULL for the C library's (LC_TIME)
 * @time: the time to write
 * @pattern: a g_date_time_format() pattern, such as "%A %B %-d. b. %Y"
 *
 * Like g_date_time_format(), but %A, %a, %B and %b (and %h) are the language's own names, not
 * the C library's: so a window in North Sami writes Sami months on a machine with no se_NO
 * locale. Where @pattern has the day of the month, the month and weekday take their form inside
 * a date, as kp_doc_language_format_date() writes them: "duorastat njukčamánu 4. b. 2027".
 *
 * Returns: (transfer full) (nullable): the text, or %NULL where g_date_time_format() fails
 */
char *
kp_doc_language_format_date_time (const KpDocLanguage *self,
                                  GDateTime           *time,
                                  const char          *pattern)
{
  g_autoptr(GString) resolved = NULL;
  gboolean in_date;
  GDateWeekday weekday;
  GDateMonth month;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (pattern != NULL, NULL);

  if (self == NULL)
    return g_date_time_format (time, pattern);

  in_date = pattern_has_day (pattern);
  weekday = (GDateWeekday) g_date_time_get_day_of_week (time);
  month = (GDateMonth) g_date_time_get_month (time);
  resolved = g_string_new (NULL);
  for (const char *p = pattern; *p != '\0'; p++)
    {
      const char *start = p;
      const char *name;

      if (*p != '%')
        {
          g_string_append_c (resolved, *p);
          continue;
        }
      p++;
      while (*p != '\0' && strchr (FORMAT_FLAGS, *p) != NULL)
        p++;
      switch (*p)
        {
        case 'A':
          name = in_date ? kp_doc_language_get_weekday_in_date (self, weekday)
                         : kp_doc_language_get_weekday (self, weekday);
          break;
        case 'a':
          name = self->weekdays_short[weekday - 1] != NULL
                 ? self->weekdays_short[weekday - 1]
                 : (in_date ? kp_doc_language_get_weekday_in_date (self, weekday)
                            : kp_doc_language_get_weekday (self, weekday));
          break;
        case 'B':
          name = in_date ? kp_doc_language_get_month_in_date (self, month)
                         : kp_doc_language_get_month (self, month);
          break;
        case 'b':
        case 'h':
          name = self->months_short[month - 1] != NULL
                 ? self->months_short[month - 1]
                 : (in_date ? kp_doc_language_get_month_in_date (self, month)
                            : kp_doc_language_get_month (self, month));
          break;
        case '\0':
          /* A lone '%' at the end: g_date_time_format() decides what that means. */
          g_string_append (resolved, start);
          p--;
          continue;
        default:
          g_string_append_len (resolved, start, p - start + 1);
          continue;
        }
      append_literal (resolved, name);
    }
  return g_date_time_format (time, resolved->str);
}

/**
 * kp_doc_language_format_time_range:
 * @end: (nullable): when it ends
 *
 * Returns: (transfer full): `kl. 18.00–20.30`, Norwegian style with a full stop
 */
char *
kp_doc_language_format_time_range (const KpDocLanguage *self,
                                   GDateTime           *start,
                                   GDateTime           *end)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (start != NULL, NULL);

  if (end == NULL)
    return g_strdup_printf ("%s %02d.%02d", self->time_prefix,
                            g_date_time_get_hour (start), g_date_time_get_minute (start));
  return g_strdup_printf ("%s %02d.%02d–%02d.%02d", self->time_prefix,
                          g_date_time_get_hour (start), g_date_time_get_minute (start),
                          g_date_time_get_hour (end), g_date_time_get_minute (end));
}

/**
 * kp_doc_language_format_session_time:
 * @start: wall-clock start, in the course's zone
 * @end: (nullable): wall-clock end
 *
 * Returns: (transfer full): `torsdag 7. oktober 2027, kl. 18.00–20.30`
 */
char *
kp_doc_language_format_session_time (const KpDocLanguage *self,
                                     GDateTime           *start,
                                     GDateTime           *end)
{
  g_autofree char *date_text = NULL;
  g_autofree char *time_text = NULL;
  GDate date;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (start != NULL, NULL);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (start), g_date_time_get_month (start),
                  g_date_time_get_year (start));
  date_text = kp_doc_language_format_date (self, &date);
  time_text = kp_doc_language_format_time_range (self, start, end);
  return g_strdup_printf ("%s, %s", date_text, time_text);
}

/**
 * kp_doc_language_get_condition:
 *
 * Returns: (transfer none): the sentence a document prints when @condition applies to taking
 *   part: "Du må ha henvisning fra lege."
 */
const char *
kp_doc_language_get_condition (const KpDocLanguage *self,
                               KpCourseCondition    condition)
{
  static const KpDocLabel sentences[KP_COURSE_N_CONDITIONS] = {
    [KP_COURSE_REFERRAL] = KP_DOC_LABEL_REFERRAL,
    [KP_COURSE_CO_PAYMENT] = KP_DOC_LABEL_CO_PAYMENT,
    [KP_COURSE_TRAVEL_REFUND] = KP_DOC_LABEL_TRAVEL_REFUND,
    [KP_COURSE_CO_PAYMENT_FIRST_DAY] = KP_DOC_LABEL_CO_PAYMENT_FIRST_DAY,
    [KP_COURSE_NO_SHOW_FEE] = KP_DOC_LABEL_NO_SHOW_FEE,
  };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) condition < KP_COURSE_N_CONDITIONS, NULL);
  return kp_doc_language_get_label (self, sentences[condition]);
}

/**
 * kp_doc_language_dup_conditions:
 * @course: the course whose conditions of taking part are written
 *
 * The sentences a document prints on taking part, in this order: the referral and where to send
 * it, the co-payment (and that it is for the first day only), the travel refund, the no-show fee
 * and the notice asked for. Only what applies: the first day only when the co-payment is
 * charged, the address only when a referral is needed.
 *
 * Returns: (transfer full) (element-type utf8): the sentences, possibly none
 */
GPtrArray *
kp_doc_language_dup_conditions (const KpDocLanguage *self,
                                KpCourse            *course)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  gboolean referral = kp_course_get_condition (course, KP_COURSE_REFERRAL);
  gboolean co_payment = kp_course_get_condition (course, KP_COURSE_CO_PAYMENT);
  const char *referral_to = kp_course_get_text (course, KP_COURSE_REFERRAL_TO);
  guint hours = kp_course_get_notice_hours (course);

  g_return_val_if_fail (self != NULL, sentences);

  if (referral)
    g_ptr_array_add (sentences,
                     g_strdup (kp_doc_language_get_condition (self, KP_COURSE_REFERRAL)));
  if (referral && referral_to != NULL && *referral_to != '\0')
    g_ptr_array_add (sentences,
                     g_strdup_printf ("%s %s",
                                      kp_doc_language_get_label (self, KP_DOC_LABEL_REFERRAL_TO),
                                      referral_to));
  if (co_payment)
    g_ptr_array_add (sentences,
                     g_strdup (kp_doc_language_get_condition (self, KP_COURSE_CO_PAYMENT)));
  if (co_payment && kp_course_get_condition (course, KP_COURSE_CO_PAYMENT_FIRST_DAY))
    g_ptr_array_add (sentences,
                     g_strdup (kp_doc_language_get_condition (self,
                                                              KP_COURSE_CO_PAYMENT_FIRST_DAY)));
  /* Nobody travels to a course on video. */
  if (kp_course_get_condition (course, KP_COURSE_TRAVEL_REFUND) &&
      kp_course_get_mode (course) != KP_COURSE_MODE_DIGITAL)
    g_ptr_array_add (sentences,
                     g_strdup (kp_doc_language_get_condition (self, KP_COURSE_TRAVEL_REFUND)));
  if (kp_course_get_condition (course, KP_COURSE_NO_SHOW_FEE))
    g_ptr_array_add (sentences,
                     g_strdup (kp_doc_language_get_condition (self, KP_COURSE_NO_SHOW_FEE)));
  if (hours == 1)
    g_ptr_array_add (sentences,
                     g_strdup (kp_doc_language_get_label (self, KP_DOC_LABEL_NOTICE_ONE_HOUR)));
  else if (hours > 1)
    {
      GString *sentence = g_string_new (kp_doc_language_get_label (self,
                                                                   KP_DOC_LABEL_NOTICE_HOURS));
      g_autofree char *number = g_strdup_printf ("%u", hours);

      g_string_replace (sentence, "{n}", number, 0);
      g_ptr_array_add (sentences, g_string_free (sentence, FALSE));
    }
  return sentences;
}

/**
 * kp_doc_language_dup_mode_sentences:
 * @course: the course whose way of meeting is written
 *
 * For a digital or hybrid course: that it runs on video and the link is sent to those
 * registered, then what a participant on video needs. The link itself never goes into a
 * public document.
 *
 * Returns: (transfer full) (element-type utf8): the sentences; none for a course in a room
 */
GPtrArray *
kp_doc_language_dup_mode_sentences (const KpDocLanguage *self,
                                    KpCourse            *course)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  KpCourseMode mode = kp_course_get_mode (course);

  g_return_val_if_fail (self != NULL, sentences);

  if (mode == KP_COURSE_MODE_IN_PERSON)
    return sentences;
  g_ptr_array_add (sentences,
                   g_strdup (kp_doc_language_get_label (self, mode == KP_COURSE_MODE_DIGITAL
                                                              ? KP_DOC_LABEL_DIGITAL
                                                              : KP_DOC_LABEL_HYBRID)));
  g_ptr_array_add (sentences,
                   g_strdup (kp_doc_language_get_label (self, KP_DOC_LABEL_DIGITAL_NEEDS)));
  return sentences;
}

/**
 * kp_doc_join_place:
 * @name: (nullable): the building or institution
 * @room: (nullable): the room in it
 * @address: (nullable): the street address
 * @separator: what stands between "name, room" and the address: a line break or ", "
 *
 * Returns: (transfer full): the place as documents write it, "" when nothing is known
 */
char *
kp_doc_join_place (const char *name,
                   const char *room,
                   const char *address,
                   const char *separator)
{
  g_autoptr(GPtrArray) first = g_ptr_array_new ();
  g_autofree char *first_line = NULL;

  if (name != NULL)
    g_ptr_array_add (first, (gpointer) name);
  if (room != NULL)
    g_ptr_array_add (first, (gpointer) room);
  g_ptr_array_add (first, NULL);
  first_line = g_strjoinv (", ", (char **) first->pdata);

  if (address == NULL)
    return g_steal_pointer (&first_line);
  if (*first_line == '\0')
    return g_strdup (address);
  return g_strconcat (first_line, separator, address, NULL);
}
