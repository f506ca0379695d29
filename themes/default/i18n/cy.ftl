# Geiriau'r thema ddiofyn yn Gymraeg: yr un allweddi ag en-GB.ftl. Mae'r termau'n dilyn
# TermCymru (Llywodraeth Cymru) lle mae ganddo'r term: Comisiynydd Heddlu a Throseddu,
# Prif Gwnstabl, datganiad hygyrchedd, geirfa, hafan, dewislen.
# Mae gan y Gymraeg chwe ffurf luosog (zero, one, two, few, many, other): mae pob cyfrif
# yn mynd drwy ddetholwr Fluent, gyda'r treiglad y mae'r rhif yn ei achosi.

language-name = Cymraeg
language-switch-label = Darllen y dudalen hon yn Gymraeg
untranslated-note = Nid yw'r rhan hon wedi'i chyfieithu i'r Gymraeg eto, felly mae'n cael ei dangos yn Saesneg.

skip-link = Neidio i'r prif gynnwys
menu = Dewislen
nav-label = Prif lywio
breadcrumb-label = Briwsion bara
nav-home = Hafan
nav-performance = Perfformiad
nav-glossary = Geirfa
nav-changes = Beth sydd wedi newid
draft-tag = Drafft
draft-banner = Dyma'r cynllun drafft, ar gyfer ymgynghori. Gall newid cyn i'r cynllun terfynol gael ei fabwysiadu.

footer-contact = Cysylltu â { $organisation }
footer-phone = Ffôn:
footer-email = E-bost:
footer-post = Post:
footer-accessibility = Datganiad hygyrchedd
footer-about = Ynglŷn â'r cynllun hwn
footer-glossary = Geirfa
footer-other-formats = Fformatau eraill
footer-licence = Cyhoeddwyd gan { $organisation }. Cewch ailddefnyddio'r wybodaeth hon o dan y <a href="{ $licence_url }" rel="license">{ $licence_name }</a>.

home-byline = Gan { $commissioner }, Comisiynydd Heddlu a Throseddu { $area }.
home-draft-published = Cyhoeddwyd y drafft ar { $date }.
home-published = Cyhoeddwyd ar { $date }.
on-this-page = Ar y dudalen hon
foreword = Rhagair
plan-on-a-page = Y cynllun ar un dudalen
outcomes = Canlyniadau

commitments-by = { $count ->
    [zero] Dim ymrwymiadau
    [one] { $count } ymrwymiad
    [two] { $count } ymrwymiad
   *[other] { $count } ymrwymiad
} gan { $name }
responsibilities-for-chief-constable = { $count ->
    [zero] Dim cyfrifoldebau
    [one] { $count } cyfrifoldeb
    [two] { $count } gyfrifoldeb
    [few] { $count } chyfrifoldeb
    [many] { $count } chyfrifoldeb
   *[other] { $count } cyfrifoldeb
} i'r Prif Gwnstabl
no-priorities-under-aim = Nid oes { $priorities } wedi'u rhestru o dan y { $aim } hwn.

priority-caption = { $of } { $number } o { $count }
no-commitments = Nid oes ymrwymiadau wedi'u rhestru o dan y { $priority } hon.
status = Statws
overdue = Yn hwyr
due = Dyddiad cwblhau
owner = Perchennog
evidence = Tystiolaeth
how-progress-is-measured = Sut y caiff cynnydd ei fesur
pager-label = Y { $priority } flaenorol a'r nesaf
pager-previous = Y { $priority } flaenorol
pager-next = Y { $priority } nesaf

glossary = Geirfa
glossary-intro = Y termau a'r byrfoddau a ddefnyddir yn y cynllun, o A i Y.
glossary-a-z-label = Geirfa A i Y
glossary-empty = Nid oes termau yng ngeirfa'r cynllun eto.

not-found-title = Heb ddod o hyd i'r dudalen
not-found-text = Ni allem ddod o hyd i dudalen yn y cyfeiriad hwn. Efallai iddo gael ei deipio'n anghywir, neu efallai fod y dudalen wedi symud.
not-found-home = Dechreuwch eto o <a href="{ $home_html }">hafan { $title }</a>, neu defnyddiwch y ddewislen uchod.

data = Data

month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr
date-day = { $day } { $month } { $year }
date-month = { $month } { $year }
language-switch-nav = Iaith

and = a
commitments-by-party = ymrwymiadau gan { $name }
plan-has-one-level = Mae gan y cynllun { $count } { $noun }{ $has_groups ->
    [true] , gyda { $groups }
   *[other] {""}
}.
plan-has = Mae gan y cynllun { $count } { $noun }. Mae gan bob { $aim } ei { $priorities }{ $has_groups ->
    [true] , gyda { $groups }
   *[other] {""}
}{ $outcomes ->
    [all] , a'r canlyniadau y mae'n eu ceisio
    [some] ; mae rhai hefyd yn enwi'r canlyniadau y maent yn eu ceisio
   *[other] {""}
}.
party-commissioner-name = Y Comisiynydd
party-commissioner-heading = Ymrwymiadau'r Comisiynydd
party-commissioner-lead = Byddaf yn:
party-chief-constable-name = Y Prif Gwnstabl
party-chief-constable-heading = Cyfrifoldebau'r Prif Gwnstabl
party-chief-constable-lead = Bydd y Prif Gwnstabl yn gyfrifol am:

# Labels of the model's values, shared by every output (see en-GB.ftl).
status-met = Wedi'i gyrraedd
status-not-met = Heb ei gyrraedd
status-within-limits = O fewn y terfynau rheoli
status-above-upper-limit = Uwchlaw'r terfyn rheoli uchaf
status-below-lower-limit = Islaw'r terfyn rheoli isaf
status-no-numeric-target = Dim targed rhifol
status-no-figure = Dim ffigur wedi'i gyhoeddi
delivery-not-started = Heb ddechrau
delivery-in-progress = Ar y gweill
delivery-at-risk = Mewn perygl
delivery-delivered = Wedi'i gyflawni
delivery-not-reported = Dim statws wedi'i adrodd
unit-percent = Y cant
unit-count = Nifer
unit-rate = Cyfradd
unit-seconds = Eiliadau
unit-text = Testun
direction-up = Yn codi
direction-down = Yn gostwng
direction-level = Gwastad
change-added = Wedi'i ychwanegu
change-removed = Wedi'i dynnu
change-changed = Wedi newid
statutory-objectives = Amcanion plismona a throseddu'r Comisiynydd
statutory-policing = Y plismona y mae'r Prif Gwnstabl i'w ddarparu
statutory-resources = Yr arian a'r adnoddau eraill y bydd y Comisiynydd yn eu rhoi i'r Prif Gwnstabl
statutory-reporting = Sut y bydd y Prif Gwnstabl yn adrodd i'r Comisiynydd ar y plismona hwnnw
statutory-measurement = Sut y caiff perfformiad y Prif Gwnstabl ei fesur
statutory-grants = Y grantiau lleihau troseddu ac anhrefn y bydd y Comisiynydd yn eu gwneud, a'u hamodau

# Website pages about the plan and its formats.

# Performance and reports.

# Editions made from the linear document.
doc-foreword = Rhagair
doc-commissioner-for = Comisiynydd Heddlu a Throseddu { $area }
doc-aim-number = { $aim } { $number } o { $count }.
doc-outcomes = Canlyniadau
doc-outcomes-lead = Y canlyniadau yr ydym am eu gweld:
doc-performance = Perfformiad
doc-performance-intro = Sut y mesurir cynnydd y cynllun. Mae pob mesur yn dangos sut olwg sydd ar lwyddiant, y ffigurau diweddaraf a'r rhai blaenorol, y ffigurau fesul ardal blismona leol a'r prif bwyntiau.
doc-glossary = Geirfa
doc-no-definition = Nid yw'r cynllun yn rhoi diffiniad o'r term hwn.
doc-no-definition-abbreviation = Mae'r cynllun yn defnyddio'r talfyriad { $abbreviation } heb roi diffiniad ohono.
doc-no-definition-abbreviations = Mae'r cynllun yn defnyddio'r talfyriadau hyn heb roi diffiniad ohonynt: { $abbreviations }, { $last }.
doc-contact = Cysylltu â ni
doc-phone = Ffôn: { $phone }
doc-email = E-bost: { $email }
doc-post = Post: { $address }
doc-about-edition = Ynglŷn â'r argraffiad hwn
doc-published-by-on = Cyhoeddwyd gan { $organisation } ar { $date }.
doc-licence = Cewch ailddefnyddio'r wybodaeth hon o dan delerau'r { $licence }.
doc-large-print-note = Gwnaed yr argraffiad print bras hwn o'r un testun â'r wefan. Mae'n dilyn safonau sylfaenol Cymdeithas Fformatau Hygyrch y DU (UKAAF) ar gyfer print bras.
doc-no-commitments = Nid oes unrhyw ymrwymiadau wedi'u rhestru o dan y { $priority } yma.
doc-status = Statws: { $status }.
doc-due = Erbyn: { $date }.
doc-owner = Perchennog: { $owner }.
doc-evidence = Tystiolaeth: { $links }.
doc-how-measured = Sut y mesurir cynnydd
doc-how-measured-lead = Mae'r mesurau hyn wedi'u nodi yn rhan Perfformiad y ddogfen hon:
doc-chart-only = Heb eu cymryd o'r ffynhonnell. Dim ond fel delweddau siart y dangosodd yr adroddiad y rhain, felly ni roddir eu ffigurau yma:
doc-key-points = Prif bwyntiau
doc-priorities-evidenced = { $priorities } y mae'r mesur hwn yn dystiolaeth ar eu cyfer:
doc-national-evidenced = Blaenoriaethau plismona cenedlaethol y mae'r mesur hwn yn dystiolaeth ar eu cyfer:
doc-fact-target = Sut olwg sydd ar lwyddiant
doc-fact-latest = Y ffigur diweddaraf
doc-no-single-figure = Ni chyhoeddir un ffigur unigol
doc-fact-previous = Y ffigur blaenorol
doc-fact-baseline = Ffigur cynharach
doc-fact-change = Newid
doc-fact-direction = Cyfeiriad y newid
doc-fact-limits = Terfynau rheoli
doc-limits = Isaf { $lower }, uchaf { $upper }
doc-fact-unit = Uned
doc-fact-lead = Arweinydd
doc-fact-data = Data
doc-fact-source = Ffynhonnell
doc-picture = Llun: { $alt }
doc-picture-inline = (Llun: { $alt })
doc-task-done = Wedi'i wneud:
doc-task-to-do = I'w wneud:
doc-note = (nodyn { $note })
doc-table = Tabl: { $columns }
edition-pdf-title = { $name } (print bras)
edition-keyword-large-print = print bras
edition-keyword-standard-print = print safonol
edition-large-print = Argraffiad print bras ({ $size } pwynt)
edition-standard-print = Argraffiad print safonol ({ $size } pwynt)
edition-draft = Drafft. Dyma'r cynllun drafft, a gyhoeddwyd ar gyfer ymgynghoriad. Gall newid cyn i'r cynllun terfynol gael ei fabwysiadu.
edition-contents = Cynnwys
edition-page = Tudalen
edition-page-numbering = 1 o 1
edition-untitled-plan = Cynllun
edition-untitled-section = Adran
edition-plan-word = cynllun
edition-draft-title = { $title } (drafft)
edition-draft-word = Drafft.
edition-draft-sentence = Dyma'r cynllun drafft, a gyhoeddwyd ar gyfer ymgynghoriad. Gall newid cyn i'r cynllun terfynol gael ei fabwysiadu.
edition-published = Cyhoeddwyd { $date }
edition-landmarks = Tirnodau
edition-start = Dechrau
edition-epub-about = Gwnaed yr argraffiad EPUB hwn o'r un testun â'r wefan. E-lyfr EPUB 3 ydyw, a wnaed i fodloni EPUB Accessibility 1.1 ar lefel AA WCAG 2.2: mae ganddo dabl cynnwys a phennawd i bob rhan, ac mae'n rhoi pob siart fel tabl o'i ffigurau.
edition-epub-summary = Mae gan yr argraffiad EPUB hwn o { $name } yr un geiriau â'r wefan. Mae ganddo dabl cynnwys, a phennawd i bob rhan, blaenoriaeth a mesur perfformiad, fel y gellir ei ddarllen yn ei drefn, symud drwyddo fesul pennawd gyda darllenydd sgrin neu wrando arno'n cael ei ddarllen yn uchel. Rhoddir pob siart fel brawddeg sy'n ei disgrifio a thabl o'i ffigurau; mae penawdau gan bob tabl. Nid oes ganddo ddelweddau, synau nac animeiddio, a gellir newid y ffont, y maint a'r lliwiau yn y system ddarllen. Fe'i gwnaed i fodloni lefel AA WCAG 2.2.
edition-epub-title = E-lyfr EPUB
edition-epub-purpose = I'w ddarllen ar e-ddarllenydd, llechen neu ffôn, mewn unrhyw ap darllen EPUB. Mae'r testun yn addasu i ffitio'r sgrin, a gallwch newid ei faint, ei ffont a'i liwiau neu wrando arno'n cael ei ddarllen yn uchel; gyda darllenydd sgrin gallwch symud fesul pennawd neu ddefnyddio'r tabl cynnwys. Rhoddir siartiau fel tablau o'u ffigurau.
edition-plain-title = Fersiwn testun plaen
edition-plain-purpose = I'w ddarllen gyda darllenydd sgrin, dangosydd Braille neu unrhyw olygydd testun: y cynllun cyfan fel un ffeil destun, heb gynllun tudalen i fod yn rhwystr. Mae penawdau ar linellau eu hunain a darllenir tablau fesul rhes.
edition-plain-draft = Drafft ar gyfer ymgynghoriad: nid yw'r cynllun hwn yn derfynol.
edition-plain-website = Gwefan: { $url }
edition-plain-table = Tabl: { $caption }
edition-plain-quotation = Dyfyniad:
edition-plain-end-of-quotation = Diwedd y dyfyniad.
edition-page-title = Print bras: { $title } { $period } – { $organisation }
edition-skip-link = Neidio i'r prif gynnwys
edition-page-heading = { $title } { $period }: print bras
edition-page-intro = { $holds }, ar un dudalen, mewn print bras ({ $size } pwynt). Cyhoeddwyd gan { $organisation } ar { $date }.
edition-holds-with-performance = Y cynllun cyfan gyda'i ddatganiadau perfformiad
edition-holds-without-performance = Y cynllun heb ei ddatganiadau perfformiad
edition-draft-label = Drafft
edition-page-download = Gallwch hefyd <a href="{ $href }">lawrlwytho'r fersiwn print bras ({ $label })</a> i'w ddarllen neu ei argraffu.
edition-contact-heading = Manylion cyswllt { $organisation }
edition-phone = Ffôn:
edition-email = E-bost:
edition-post = Post:
edition-plan-on-website = Y cynllun ar y wefan
edition-accessibility = Datganiad hygyrchedd
edition-page-licence = Cewch ailddefnyddio'r wybodaeth hon o dan delerau'r <a href="{ $licence_url }" rel="license">{ $licence_name }</a>.
edition-download-title = Fersiwn print bras
edition-download-web-page = tudalen we
edition-download-purpose = I'w ddarllen mewn print mawr, ar bapur neu ar sgrin: y cynllun cyfan mewn { $size } pwynt, y maint y mae Cymdeithas Fformatau Hygyrch y DU yn ei argymell, gyda'r un geiriau â'r wefan hon. Mae'r PDF wedi'i dagio ar gyfer darllenwyr sgrin ac yn argraffu ar A4; mae'r dudalen we yn cynnwys yr un testun mewn tudalen sy'n addasu i ffitio unrhyw sgrin. Gellir gwneud maint mwy neu lai, fel 24 pwynt (print anferth) neu 16 pwynt, ar gais.
edition-pdf-label = PDF, { $pages ->
    [one] { $pages } dudalen
    [two] { $pages } dudalen
   *[other] { $pages } tudalen
}, { $size }

# The data files, the comparison of two revisions and the diff report.
