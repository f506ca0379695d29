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

# The data files, the comparison of two revisions and the diff report.
