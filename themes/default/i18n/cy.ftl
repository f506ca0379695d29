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
changes-title = Beth a newidiodd ({ $old } → { $new })
changes-this-version = y fersiwn hon
changes-revision-label = y fersiwn a gyhoeddwyd ar { $date }
changes-revision-title = Beth a newidiodd yn y fersiwn a gyhoeddwyd ar { $date }
changes-page-lead = Mae'r dudalen hon yn rhestru beth sydd wedi newid yn y cynllun ers y fersiwn o'r enw “{ $revision }”: eitemau a ychwanegwyd, a dynnwyd, a aileiriwyd neu a symudwyd, a dyddiadau, targedau a ffigurau a newidiodd.
changes-none = Dim newidiadau: mae dwy fersiwn y cynllun yn dweud yr un peth.
changes-deleted = dilëwyd
changes-added = ychwanegwyd
changes-legend-words = geiriau
changes-legend = Dangosir geiriau a ddilëwyd fel { $deleted } a geiriau a ychwanegwyd fel { $added }.
changes-summary = Crynodeb
changes-caption = Nifer yr eitemau a newidiodd, fesul math
changes-kind-of-item = Math o eitem
changes-column-added = Ychwanegwyd
changes-column-removed = Tynnwyd
changes-column-reworded = Aileiriwyd
changes-column-moved = Symudwyd
changes-column-other = Newidiadau eraill
changes-plan-heading = Gosodiadau a rhagair y cynllun
changes-plan-count = { $count ->
    [one] { $count } newid
   *[other] { $count } newid
}
changes-the-plan-itself = y cynllun ei hun
changes-after-status = {": "}
changes-in = ({ $place })
changes-of = ({ $place })
changes-kind-name = { $kind }: { $name }
changes-kind-one = { $kind ->
    [outcomes] Canlyniad
    [commitments] Ymrwymiad
    [performance-statements] Datganiad perfformiad
    [reports] Adroddiad
    [glossary-terms] Term geirfa
    [pages] Tudalen
   *[images] Delwedd
}
changes-kind-other = { $kind ->
    [outcomes] Canlyniadau
    [commitments] Ymrwymiadau
    [performance-statements] Datganiadau perfformiad
    [reports] Adroddiadau
    [glossary-terms] Termau geirfa
    [pages] Tudalennau
   *[images] Delweddau
}
changes-field = { $key ->
    [title] teitl
    [subtitle] is-deitl
    [text] testun
    [introduction] cyflwyniad
    [foreword] rhagair
    [period] cyfnod
    [area] ardal
    [organisation] sefydliad
    [status] statws
    [due-date] dyddiad targed
    [delivered-by] cyflawnir gan
    [evidence] tystiolaeth
    [measure] mesur
    [unit] uned
    [target] targed
    [target-figure] ffigur y targed
    [latest-figure] ffigur diweddaraf
    [previous-figure] ffigur blaenorol
    [baseline-figure] ffigur sylfaen
    [direction] cyfeiriad
    [source] ffynhonnell
    [data-source] ffynhonnell y data
    [key-points] pwyntiau allweddol
    [term] term
    [abbreviations] byrfoddau
    [definition] diffiniad
    [description] disgrifiad
    [picture] llun
    [position-in-the-navigation] safle yn y llywio
    [publication-date] dyddiad cyhoeddi
    [plan-status] statws y cynllun
    [reporting-date] dyddiad adrodd
   *[other] { $field }
}
changes-text = Testun:
changes-field-changed = { $field }: { $from } → { $to }
changes-reworded = { $field }, wedi'i aileirio:
changes-body-changed = { $field }, wedi newid:
changes-new-paragraph = Paragraff newydd:
changes-paragraph-out = Paragraff a dynnwyd:
changes-paragraph-reworded = Paragraff wedi'i aileirio:
changes-moved = Symudwyd: { $from } → { $to }
changes-reordered = Symudwyd o safle { $from } i safle { $to } ({ $within })
changes-revised = Diwygiwyd ar ôl cyhoeddi
changes-revised-detail = : { $statement }, { $field }: { $from } → { $to }
changes-renamed = Ailenwyd y ffeil o { $from } i { $to }
changes-id-changed = Newidiwyd y dynodydd o { $old } i { $new }; fe'i parwyd yn ôl ei eiriad ({ $percent }% yn debyg)
changes-summary-plan = { $count ->
    [one] { $count } newid i osodiadau neu ragair y cynllun.
   *[other] { $count } newid i osodiadau neu ragair y cynllun.
}
changes-summary-kind = { $heading }: { $parts }.
changes-count-added = { $count ->
    [one] { $count } wedi'i ychwanegu
   *[other] { $count } wedi'u hychwanegu
}
changes-count-removed = { $count ->
    [one] { $count } wedi'i dynnu
   *[other] { $count } wedi'u tynnu
}
changes-count-reworded = { $count ->
    [one] { $count } wedi'i aileirio
   *[other] { $count } wedi'u haileirio
}
changes-count-moved = { $count ->
    [one] { $count } wedi'i symud
   *[other] { $count } wedi'u symud
}
changes-count-other = { $count } wedi newid fel arall
changes-summary-revised = { $count ->
    [one] { $count } ffigur wedi'i ddiwygio ar ôl cyhoeddi ei adroddiad.
   *[other] { $count } ffigur wedi'u diwygio ar ôl cyhoeddi eu hadroddiad.
}
diff-working-tree = y goeden waith
diff-appendix = Atodiad: newidiadau i'r ffeiliau ffynhonnell
diff-appendix-about = I olygyddion: y ffeiliau a newidiodd, fel diff unedig. Mae'r llwybrau'n gymharol â'r ffolder cynnwys. Tynnwyd y llinellau sy'n dechrau ag arwydd minws (−); ychwanegwyd y llinellau sy'n dechrau ag arwydd plws (+); cyd-destun heb newid yw'r llinellau eraill.
diff-made-with = Gwnaed gyda planpress diff, sy'n cymharu'r cynllun fesul eitem.
diff-back-to-top = Yn ôl i'r brig
diff-not-followed = Newidiadau i'r testun gwreiddiol nad yw'r cyfieithiad { $language } wedi'u dilyn eto
diff-all-followed = Mae'r cyfieithiad { $language } yn dilyn pob newid i'r testun gwreiddiol.
diff-part-title = y teitl
diff-part-foreword = y rhagair
diff-part-outcomes = y canlyniadau
diff-part-introduction = y cyflwyniad
diff-part-commitment = ymrwymiad { $id }
diff-part-term = y term
diff-part-definition = y diffiniad
