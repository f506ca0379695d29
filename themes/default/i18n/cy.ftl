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
plan-has-one-level = { $count ->
    [zero] Nid oes gan y cynllun { $nouns } eto
   *[other] Mae gan y cynllun { $count } { $noun }
}{ $has_groups ->
    [true] , ac ynddynt { $groups }
   *[other] {""}
}.
plan-has = { $count ->
    [zero] Nid oes gan y cynllun { $nouns } eto
   *[other] Mae gan y cynllun { $count } { $noun }
}. Mae { $priorities } gan bob { $aim }{ $has_groups ->
    [true] , ac ynddynt { $groups }
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
page-feed-title = { $title } { $period }: y fersiynau a gyhoeddwyd
page-contact-email = anfon e-bost at
page-contact-call = ffonio
page-contact-write = ysgrifennu at
page-party-commissioner-name-in-sentence = y Comisiynydd
page-party-chief-constable-name-in-sentence = y Prif Gwnstabl
page-party-commissioner-in-sentence = ymrwymiadau'r Comisiynydd
page-party-chief-constable-in-sentence = { $after_and ->
    [true] chyfrifoldebau'r Prif Gwnstabl
   *[other] cyfrifoldebau'r Prif Gwnstabl
}
page-list-and = { $rest } { $vowel ->
    [true] ac
   *[other] a
} { $last }

about-title = Ynglŷn â'r cynllun hwn
about-intro = { $title } { $period } yw cynllun heddlu a throseddu Comisiynydd Heddlu a Throseddu { $area }, wedi'i gyhoeddi gan { $organisation }.
about-intro-draft = Drafft yw hwn, wedi'i gyhoeddi ar gyfer ymgynghori.
about-law = Rhaid i bob comisiynydd heddlu a throseddu gyhoeddi cynllun heddlu a throseddu (<a href="https://www.legislation.gov.uk/ukpga/2011/13/section/5">Deddf Diwygio'r Heddlu a Chyfrifoldeb Cymdeithasol 2011, adran 5</a>), ac mae'r Ddeddf yn dweud beth y mae'n rhaid i'r cynllun ei nodi (<a href="https://www.legislation.gov.uk/ukpga/2011/13/section/7">adran 7(1)</a>). Mae'r tabl yn rhestru pob un o'r elfennau hynny a lle mae'r cynllun hwn yn eu nodi.
about-table-caption = Yr hyn y mae'r gyfraith yn ei gwneud yn ofynnol i gynllun heddlu a throseddu ei nodi, a lle mae'r cynllun hwn yn gwneud hynny
about-must-set-out = Rhaid i'r cynllun nodi
about-where-set-out = Lle mae'r cynllun hwn yn ei nodi
about-element = { $label } (adran 7(1)({ $paragraph }))
about-not-set-out = Nid yw wedi'i nodi yn y cynllun hwn eto.
about-reporting = Adrodd ar y cynllun

a11y-page-title = Datganiad hygyrchedd
a11y-title = Datganiad hygyrchedd ar gyfer { $title } { $period }
a11y-applies = Mae'r datganiad hygyrchedd hwn yn berthnasol i wefan { $title }, sy'n cyhoeddi Cynllun Heddlu a Throseddu Comisiynydd Heddlu a Throseddu { $area }.
a11y-run-by = { $organisation } sy'n rhedeg y wefan hon. Rydym am i gynifer o bobl â phosibl allu defnyddio'r wefan hon. Er enghraifft, mae hynny'n golygu y dylech allu:
a11y-can-colours = newid lliwiau, lefelau cyferbynnedd a ffontiau drwy osodiadau'r porwr neu'r ddyfais
a11y-can-zoom = chwyddo hyd at 400% heb i'r testun lithro oddi ar y sgrin
a11y-can-navigate = llywio drwy'r rhan fwyaf o'r wefan gan ddefnyddio bysellfwrdd neu feddalwedd adnabod lleferydd
a11y-can-listen = gwrando ar y rhan fwyaf o'r wefan gan ddefnyddio darllenydd sgrin (gan gynnwys fersiynau diweddaraf JAWS, NVDA a VoiceOver)
a11y-simple = Rydym hefyd wedi gwneud testun y wefan mor syml â phosibl i'w ddeall. Mae gan <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> gyngor ar wneud eich dyfais yn haws i'w defnyddio os oes gennych anabledd.
a11y-how-accessible = Pa mor hygyrch yw'r wefan hon
a11y-checked = Mae'r wefan hon wedi'i gwneud gan planpress, offeryn cyhoeddi y caiff ei dudalennau eu gwirio'n awtomatig bob tro y caiff yr offeryn ei newid, ar gynlluniau enghreifftiol sydd â phob math o dudalen sydd gan y wefan hon: ag axe-core ym mhorwr Chromium yn erbyn lefelau A ac AA WCAG 2.2 ac arferion gorau axe, ar gyfer mynediad â bysellfwrdd a ffocws gweladwy, ar sgrin 320 picsel o led, gyda mwy o fylchau yn y testun, ac â'r Nu Html Checker. Ni wyddom am unrhyw ran o'r wefan hon sy'n methu'r gwiriadau hynny.
a11y-other-formats = Fformatau eraill
a11y-formats-listed = Mae'r cynllun hefyd yn cael ei gyhoeddi yn y fformatau hyn, wedi'u gwneud o'r un testun â'r wefan hon bob tro y caiff ei gyhoeddi:
a11y-formats-page = Mae'r <a href="{ $href_html }">dudalen fformatau eraill</a> yn dweud at beth mae pob un a sut i ofyn am fformat nad yw wedi'i restru.
a11y-formats-ask = Mae'r <a href="{ $href_html }">dudalen fformatau eraill</a> yn dweud sut i ofyn am y cynllun mewn fformat arall.
a11y-feedback = Adborth a gwybodaeth gyswllt
a11y-feedback-intro = Os oes angen gwybodaeth ar y wefan hon arnoch mewn fformat gwahanol, fel print bras, hawdd ei ddeall, recordiad sain neu Braille, cysylltwch â ni:
a11y-respond = Byddwn yn ystyried eich cais ac yn cysylltu â chi cyn pen 10 diwrnod gwaith.
a11y-reporting = Rhoi gwybod am broblemau hygyrchedd gyda'r wefan hon
a11y-reporting-text = Rydym bob amser yn ceisio gwella hygyrchedd y wefan hon. Os byddwch yn dod o hyd i unrhyw broblemau nad ydynt wedi'u rhestru ar y dudalen hon, neu os ydych yn credu nad ydym yn bodloni'r gofynion hygyrchedd, cysylltwch â ni gan ddefnyddio'r manylion uchod.
a11y-enforcement = Y drefn orfodi
a11y-enforcement-text = Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy'n gyfrifol am orfodi Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Chymwysiadau Symudol) (Rhif 2) 2018 (y 'rheoliadau hygyrchedd'). Os nad ydych yn fodlon â'r ffordd rydym yn ymateb i'ch cwyn, <a href="https://www.equalityadvisoryservice.com/">cysylltwch â'r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS)</a>.
a11y-technical = Gwybodaeth dechnegol am hygyrchedd y wefan hon
a11y-committed = Mae { $organisation } wedi ymrwymo i sicrhau bod ei gwefan yn hygyrch, yn unol â Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Chymwysiadau Symudol) (Rhif 2) 2018.
a11y-compliance = Statws cydymffurfio
a11y-compliance-text = Mae'r wefan hon yn cydymffurfio'n llawn â safon AA <a href="https://www.w3.org/TR/WCAG22/">Canllawiau Hygyrchedd Cynnwys y We fersiwn 2.2</a>.
a11y-non-accessible = Cynnwys nad yw'n hygyrch
a11y-non-compliance = Diffyg cydymffurfio â'r rheoliadau hygyrchedd
a11y-non-compliance-text = Ni wyddom am unrhyw gynnwys sy'n methu meini prawf llwyddiant AA WCAG 2.2.
a11y-limitations = Cyfyngiadau hysbys
a11y-limitations-intro = Mae'n hysbys nad yw'r rhannau hyn yn gweithio cystal â'r gweddill, neu nad ydynt wedi'u gwirio mor drylwyr:
a11y-limit-pdf = Mae'r ffeiliau PDF ({ $pdfs }) wedi'u tagio ar gyfer PDF/UA-1, ac mae gwiriadau awtomatig planpress yn edrych ar strwythur y ffeiliau PDF y mae'n eu gwneud: pob rhestr wedi'i nythu y tu mewn i'r eitem y mae'n perthyn iddi, pob capsiwn y tu mewn i'w dabl, pob pennawd tabl â'i gwmpas, penawdau mewn trefn heb fylchau, pob dolen wedi'i disgrifio, a dim pennawd, capsiwn na chyflwyniad ar ei ben ei hun ar waelod tudalen. Nid ydynt wedi'u gwirio â gwiriwr PDF/UA cyflawn, fel PAC neu veraPDF, na'u darllen gan rywun sy'n defnyddio darllenydd sgrin, felly nid yw'r gwiriadau sydd angen barn ddynol, fel a yw'r drefn ddarllen yn gwneud synnwyr, wedi'u gwneud. Mae gan y dudalen we print bras yr un cynnwys â'r PDF print bras.
a11y-limit-symbols = Mae gan y llinellau toriad, y saethau a'r symbolau statws a lunnir gan y ddalen arddull destun amgen gwag, felly mae darllenwyr sgrin yn eu hepgor. Gall porwyr nad ydynt yn cefnogi testun amgen ar gyfer symbolau o'r fath, fel fersiynau hŷn o Firefox, eu darllen yn uchel.
a11y-limit-terms = { $count ->
    [one] Mae un term geirfa wedi'i roi
    [two] Mae { $count } derm geirfa wedi'u rhoi
    [few] Mae { $count } therm geirfa wedi'u rhoi
    [many] Mae { $count } therm geirfa wedi'u rhoi
   *[other] Mae { $count } term geirfa wedi'u rhoi
} yn y cynllun gyda byrfodd yn unig a heb ddiffiniad. Mae'r eirfa'n dweud hynny am bob un ohonynt.
a11y-burden = Baich anghymesur
a11y-burden-text = Nid ydym yn honni y byddai trwsio unrhyw broblem hygyrchedd yn faich anghymesur.
a11y-out-of-scope = Cynnwys nad yw o fewn cwmpas y rheoliadau hygyrchedd
a11y-graphics-only = Cyhoeddwyd rhai ffigurau yn ffynhonnell y cynllun fel graffigau yn unig ({ $count ->
    [one] mewn un datganiad perfformiad
    [two] mewn { $count } ddatganiad perfformiad
   *[other] mewn { $count } datganiad perfformiad
}). Lle nad oedd eu rhifau ar gael fel testun, cânt eu disgrifio mewn geiriau yn hytrach na'u hatgynhyrchu.
a11y-in-scope = Ni wyddom am unrhyw gynnwys ar y wefan hon sydd y tu allan i gwmpas y rheoliadau hygyrchedd.
a11y-improving = Yr hyn rydym yn ei wneud i wella hygyrchedd
a11y-improving-text = Caiff pob newid i planpress, yr offeryn sy'n gwneud y wefan hon, ei wirio gan y profion awtomatig a ddisgrifir uchod cyn ei ryddhau, felly ni all fersiwn newydd ychwanegu methiant hygyrchedd hysbys at y tudalennau y mae'n eu gwneud.
a11y-preparation = Paratoi'r datganiad hygyrchedd hwn
a11y-prepared = Paratowyd y datganiad hwn ar { $date }. Caiff ei adolygu bob tro y caiff y cynllun ei gyhoeddi.
a11y-sample-plans = Mae'r gwiriadau awtomatig a'r gwiriadau bysellfwrdd a ddisgrifir uchod yn cwmpasu pob math o dudalen sydd gan y wefan hon, ar gynlluniau enghreifftiol, nid tudalennau'r cynllun hwn fesul un.

formats-title = Fformatau eraill
formats-intro = Mae { $title } { $period } yn cael ei gyhoeddi fel y wefan hon ac, o'r un testun, yn y fformatau isod. Cânt eu gwneud eto bob tro y caiff y cynllun ei gyhoeddi, felly maent bob amser yn dweud yr un peth â'r wefan.
formats-none = Ni wnaed unrhyw fformat arall gyda'r copi hwn o'r wefan. Gallwch ofyn am un.
formats-ask = Gofyn am fformat arall
formats-ask-intro = Os oes angen y cynllun arnoch mewn fformat nad yw wedi'i restru yma, fel fersiwn hawdd ei ddeall, maint arall o brint bras neu iaith arall, cysylltwch â { $organisation }:
formats-ask-how = Dywedwch wrthym pa fformat sydd ei angen arnoch a sut i gysylltu â chi. Byddwn yn ystyried eich cais ac yn cysylltu â chi cyn pen 10 diwrnod gwaith.

listen-title = Gwrando ar y cynllun
listen-intro = { $title } { $period }, wedi'i ddarllen yn uchel gan lais cyfrifiadurol, un recordiad ar gyfer pob rhan o'r cynllun a restrir isod. Mae pob recordiad yn darllen yr un geiriau â'r dudalen y mae'n ei henwi, wedi'u hysgrifennu i'w clywed: dywedir byrfoddau'n llawn, darllenir tablau fesul rhes a siartiau drwy'r frawddeg sy'n crynhoi eu ffigurau.
listen-in-original = Mae'r recordiadau'n darllen y cynllun yn ei iaith wreiddiol: nid ydynt wedi'u gwneud yn Gymraeg eto.
listen-files = Nid oes dim yn chwarae nes i chi ei ddechrau. Gallwch hefyd lawrlwytho pob recordiad fel ffeil MP3.
listen-files-playlist = Nid oes dim yn chwarae nes i chi ei ddechrau. Gallwch hefyd lawrlwytho pob recordiad fel ffeil MP3, neu <a href="{ $playlist }">lawrlwytho rhestr chwarae o bob recordiad yn ei drefn</a> ({ $label }) ar gyfer chwaraewr podlediadau neu gerddoriaeth.
listen-download = Lawrlwytho recordiad { $title }
listen-length = Hyd a maint: { $label }
listen-read-text = Darllen testun { $title }
listen-not-made = Nid yw'r fersiwn sain o'r cynllun wedi'i gwneud gyda'r argraffiad hwn o'r wefan.
listen-ask = I ofyn am y cynllun fel recordiad sain, neu mewn unrhyw fformat arall, cysylltwch â { $organisation }:

search-title = Chwilio ac A i Y
search-nav = Chwilio
search-form-label = Y cynllun hwn
search-box-label = Chwilio'r cynllun hwn
search-hint = Bydd canlyniadau'n ymddangos isod wrth i chi deipio. Pwyswch Tab i'w cyrraedd.
search-a-z = A i Y
search-a-z-intro = Popeth yn y cynllun o A i Y ({ $count ->
    [zero] dim eitemau
   *[other] { $count } eitem
}), pob un â dolen: { $kinds }.
search-a-z-label = A i Y fesul llythyren
search-kinds = { $has_others ->
    [true] { $others } a thudalennau
   *[other] tudalennau
}
search-kinds-commitments = ymrwymiadau
search-kinds-statements = datganiadau perfformiad
search-kinds-terms = termau geirfa
search-kind-commitment = Ymrwymiad
search-kind-statement = Datganiad perfformiad
search-kind-term = Term geirfa
search-kind-page = Tudalen
search-none = Dim canlyniadau ar gyfer “{ $query }”.
search-found = { $count ->
    [one] { $shown } canlyniad
    [two] { $shown } ganlyniad
    [few] { $shown } chanlyniad
    [many] { $shown } chanlyniad
   *[other] { $shown } canlyniad
} ar gyfer “{ $query }”.
search-found-first = { $count ->
    [one] { $shown } canlyniad
    [two] { $shown } ganlyniad
    [few] { $shown } chanlyniad
    [many] { $shown } chanlyniad
   *[other] { $shown } canlyniad
} ar gyfer “{ $query }”; dangosir y { $limit } cyntaf.

np-title = Blaenoriaethau plismona cenedlaethol
np-intro = Mae'r cynllun yn addo datganiad a gaiff ei ddiweddaru'n rheolaidd am gyfraniad { $force } at y blaenoriaethau cenedlaethol ar gyfer plismona. Mae'r dudalen hon yn casglu, ar gyfer pob blaenoriaeth genedlaethol, y mesurau sy'n dystiolaeth ohoni: y mesur troseddu a phlismona cenedlaethol gyda'i ffynhonnell ddata, cyfeiriad y newid, sylwadau ac arweinydd, a mesurau'r cynllun ei hun gyda'u statws.
np-none = Nid oes unrhyw fesur yn dystiolaeth o'r flaenoriaeth hon eto.
np-latest = Diweddaraf
np-direction = Cyfeiriad y newid
np-lead = Arweinydd

delivery-page-title = Cyflawni ymrwymiadau'r cynllun
delivery-page-intro = Pa mor bell y mae pob ymrwymiad yn y cynllun wedi mynd, fel yr adroddwyd ar { $date }. Mae ymrwymiad yn hwyr pan fydd ei ddyddiad cwblhau wedi mynd heibio erbyn hynny heb iddo gael ei gyflawni.
delivery-page-none = Nid oes gan y cynllun ymrwymiadau eto.
delivery-page-none-reported = Nid oes gan unrhyw ymrwymiad statws cyflawni eto. { $total ->
    [one] Mae { $total } ymrwymiad wedi'i restru
   *[other] Mae { $total } ymrwymiad wedi'u rhestru
} fel “{ $state }”.
delivery-page-reported = Mae gan { $reported } o'r { $total } ymrwymiad statws cyflawni; { $overdue ->
    [zero] nid oes yr un yn hwyr
   *[other] mae { $overdue } yn hwyr
}.
delivery-page-by = Fesul { $level }
delivery-page-by-caption = Ymrwymiadau fesul { $level } a statws cyflawni
delivery-page-total = Cyfanswm
delivery-page-all = { $Levels } i gyd
delivery-page-by-party = Fesul pwy a'u gwnaeth
delivery-page-by-party-caption = Ymrwymiadau fesul pwy a'u gwnaeth a statws cyflawni
delivery-page-made-by = Wedi'u gwneud gan
delivery-page-by-owner = Fesul perchennog
delivery-page-owner-note = Y perchennog yw'r person neu'r tîm a enwir gyda'r ymrwymiad neu, lle nad oes neb wedi'i enwi, pwy bynnag a'i gwnaeth.
delivery-page-by-owner-caption = Ymrwymiadau fesul perchennog a statws cyflawni
delivery-page-overdue = Ymrwymiadau hwyr
delivery-page-none-overdue = Nid oes unrhyw ymrwymiad yn hwyr.
delivery-page-upcoming = Ymrwymiadau eraill sydd â dyddiad cwblhau
delivery-page-none-upcoming = Nid oes gan unrhyw ymrwymiad arall ddyddiad cwblhau.

# Performance and reports.
perf-title = Perfformiad
perf-seconds-word = eiliad
perf-change-in-words = { $way ->
    [down] gostyngiad o { $amount }%
    [up] cynnydd o { $amount }%
   *[none] dim newid
}
perf-basis-on = ers { $period }
perf-sentence-target = { $status }: mae'r ffigur diweddaraf, { $figure }, { $relation ->
    [equals] yn hafal i'r
    [above] uwchlaw'r
   *[below] islaw'r
} targed o { $target }.
perf-sentence-target-no-figure = { $status }: nid oes ffigur diweddaraf i'w farnu yn erbyn y targed o { $target }.
perf-sentence-change = { $status }: { $achieved }{ $basis } yn erbyn targed o { $target }.
perf-sentence-change-no-figure = { $status }: nid oes ffigur i'w farnu yn erbyn y targed o { $target }.
perf-sentence-limits = { $status }: mae'r ffigur diweddaraf, { $figure }, { $place ->
    [above] uwchlaw'r
    [below] islaw'r
   *[within] o fewn y
} terfynau rheoli o { $lower } i { $upper }.
perf-sentence-limits-no-figure = { $status }: nid oes ffigur diweddaraf i'w osod yn erbyn y terfynau rheoli o { $lower } i { $upper }.
perf-sentence-words = { $status }: disgrifir sut beth yw llwyddiant mewn geiriau, felly nid yw'r ffigur diweddaraf, { $figure }, yn cael ei farnu yn erbyn rhif.
perf-sentence-words-no-figure = { $status }: disgrifir sut beth yw llwyddiant mewn geiriau.
perf-chart-target = Targed { $value }
perf-chart-upper = Terfyn uchaf { $value }
perf-chart-lower = Terfyn isaf { $value }
perf-force-wide = Yr heddlu cyfan
perf-by-area = Fesul ardal plismona lleol
perf-by-area-title = { $measure } fesul ardal plismona lleol, { $period }
perf-by-area-title-no-period = { $measure } fesul ardal plismona lleol
perf-by-area-caption = { $measure }: ffigurau fesul ardal plismona lleol
perf-area-force = Yr heddlu cyfan { $figure }
perf-area-force-target = Yr heddlu cyfan { $figure } yn erbyn targed o { $target }
perf-area-lowest = { $area } yw'r isaf, ar { $figure }
perf-area-highest = { $area } yw'r uchaf, ar { $figure }
perf-both = { $first }; { $second }
perf-areas-meeting = { $meeting ->
    [zero] nid oes yr un o'r { $count } ardal yn cyrraedd y targed
   *[other] mae { $meeting } o'r { $count } ardal yn cyrraedd y targed
}
perf-local-policing-area = Ardal plismona lleol
perf-against-target = Yn erbyn y targed
perf-target = Targed
perf-over-time = Dros amser
perf-over-time-title = { $measure } dros amser, { $first } i { $last }
perf-over-time-caption = { $measure }: ffigurau ar gyfer pob cyfnod
perf-period = Cyfnod
perf-series = { $name }: { $first } ({ $first_period }) i { $last } ({ $last_period })
perf-series-target = { $name }: { $first } ({ $first_period }) i { $last } ({ $last_period }), gan gyrraedd y targed o { $target } mewn { $met } o'r { $count } cyfnod
perf-no-figures = Dim ffigurau.
perf-against-limits = Yn erbyn y terfynau rheoli
perf-limits-summary = { $figure } ({ $period }), { $place ->
    [above] uwchlaw'r terfyn rheoli uchaf o { $upper }
    [below] islaw'r terfyn rheoli isaf o { $lower }
   *[within] o fewn y terfynau rheoli o { $lower } i { $upper }
}
perf-figure-in = { $figure } ({ $period })
perf-limits-title = { $measure }: ffigurau yn erbyn y terfynau rheoli
perf-limits-caption = { $measure }: ffigurau a therfynau rheoli
perf-upper-limit = Terfyn rheoli uchaf
perf-lower-limit = Terfyn rheoli isaf
perf-baseline = Llinell sylfaen
perf-change = Newid
perf-note = Nodyn
perf-breakdown-limits = O'r { $count } eitem â therfynau rheoli: { $above } uwchlaw'r terfyn uchaf, { $within } o'u mewn, { $below } islaw'r terfyn isaf
perf-breakdown-above = uwchlaw: { $names }
perf-breakdown-below = islaw: { $names }
perf-breakdown-highest-lowest = Uchaf: { $highest } ar { $highest_figure }; isaf: { $lowest } ar { $lowest_figure }.
perf-breakdown-one = { $item }: { $figure }.
perf-trend-title = { $measure }: y ffigur diweddaraf ym mhob adroddiad
perf-trend-summary = { $first } ({ $first_report }) i { $last } ({ $last_report }).
perf-trend-summary-target = { $first } ({ $first_report }) i { $last } ({ $last_report }), gan gyrraedd y targed o { $target } mewn { $met } o'r { $count } adroddiad.
perf-col-report = Adroddiad
perf-col-figure = Ffigur
perf-col-period-of-figure = Cyfnod y ffigur
perf-col-status = Statws
perf-fact-what-good-looks-like = Sut beth yw llwyddiant
perf-fact-latest = Diweddaraf
perf-fact-no-figure = Nid oes un ffigur wedi'i gyhoeddi
perf-fact-previous = Blaenorol
perf-fact-earlier-figure = Ffigur cynharach
perf-fact-direction = Cyfeiriad y newid
perf-fact-limits = Terfynau rheoli
perf-fact-limits-detail = Isaf { $lower }, uchaf { $upper }
perf-fact-unit = Uned
perf-fact-lead = Arweinydd
perf-fact-data = Data
perf-fact-source = Ffynhonnell
perf-statement-in-report-title = { $measure }, adroddiad { $report }
perf-other-measures = Mesurau eraill
perf-intro = Perfformiad { $force } yn erbyn y mesurau sy'n dangos tystiolaeth o'r { $priorities } yn y cynllun. Mae pob mesur yn dangos ei ffigurau diweddaraf, sut beth yw llwyddiant a'i statws, wedi'i gyfrifo o'r ffigurau.
perf-latest-report = Dyma ffigurau'r adroddiad diweddaraf, ar gyfer <a href="{ $href }">{ $title }</a> ({ $period }). Cedwir <a href="{ $reports }">pob adroddiad</a> fel y'i cyhoeddwyd.
perf-latest-report-presented = Dyma ffigurau'r adroddiad diweddaraf, ar gyfer <a href="{ $href }">{ $title }</a> ({ $period }), a gyflwynwyd i'r Panel Heddlu a Throseddu ar { $presented }. Cedwir <a href="{ $reports }">pob adroddiad</a> fel y'i cyhoeddwyd.
perf-no-report-yet = Nid oes adroddiad wedi'i gyhoeddi eto: <a href="{ $reports }">gweld yr adroddiadau sy'n cael eu paratoi</a>.
perf-at-a-glance = Cipolwg
perf-no-measures = Nid oes gan y cynllun fesurau perfformiad eto.
perf-measure-count = { $count ->
    [zero] Nid oes mesurau:
    [one] Mae { $count } mesur:
    [two] Mae { $count } fesur:
   *[other] Mae { $count } mesur:
}
perf-national-contribution = Cyfraniad { $force } at y blaenoriaethau plismona cenedlaethol
perf-delivery-link = Cyflawni ymrwymiadau'r cynllun
perf-measures = Mesurau
perf-measures-by = Mesurau fesul { $aim }
perf-latest = Diweddaraf:
perf-no-single-figure = dim un ffigur wedi'i gyhoeddi
perf-from-report = (o'r adroddiad ar gyfer { $report })
perf-what-good-looks-like = Sut beth yw llwyddiant:
perf-reported = { $in_report ->
    [true] Fel y'i rhoddwyd yn yr adroddiad ar gyfer
   *[other] Y ffigurau diweddaraf, o'r adroddiad ar gyfer
} <a href="{ $href }">{ $title }</a> ({ $period }).
perf-reported-presented = { $in_report ->
    [true] Fel y'i rhoddwyd yn yr adroddiad ar gyfer
   *[other] Y ffigurau diweddaraf, o'r adroddiad ar gyfer
} <a href="{ $href }">{ $title }</a> ({ $period }), a gyflwynwyd i'r Panel Heddlu a Throseddu ar { $presented }.
perf-see-latest = <a href="{ $href }">Gweld y ffigurau diweddaraf ar gyfer y mesur hwn</a>.
perf-draft-report-notice = Mae'r adroddiad hwn yn cael ei lenwi ac nid yw wedi'i gyflwyno i'r Panel Heddlu a Throseddu: gall ei ffigurau fod yn anghyflawn a gallant newid.
perf-since-heading = Beth sydd wedi newid ers { $report }
perf-since-up = Cododd y ffigur diweddaraf o { $from } (<a href="{ $href }">{ $report }</a>) i { $to }.
perf-since-up-change = Cododd y ffigur diweddaraf o { $from } (<a href="{ $href }">{ $report }</a>) i { $to }, cynnydd o { $change }.
perf-since-down = Gostyngodd y ffigur diweddaraf o { $from } (<a href="{ $href }">{ $report }</a>) i { $to }.
perf-since-down-change = Gostyngodd y ffigur diweddaraf o { $from } (<a href="{ $href }">{ $report }</a>) i { $to }, gostyngiad o { $change }.
perf-since-level = Y ffigur diweddaraf yw { $to }, yr un fath ag yn <a href="{ $href }">{ $report }</a>.
perf-since-only-before = Nid yw'r adroddiad hwn yn rhoi un ffigur; rhoddodd <a href="{ $href }">{ $report }</a> { $from }.
perf-since-only-now = Ni roddodd <a href="{ $href }">{ $report }</a> un ffigur; mae'r adroddiad hwn yn rhoi { $to }.
perf-since-neither = Nid yw'r adroddiad hwn na <a href="{ $href }">{ $report }</a> yn rhoi un ffigur.
perf-status-changed = Newidiodd ei statws o ‘{ $from }’ i ‘{ $to }’.
perf-status-still = Mae ei statws yn dal i fod: { $status }.
perf-items-moved = O'r { $count } eitem yn y dadansoddiadau y mae'r ddau adroddiad yn eu rhoi, cododd { $up }, gostyngodd { $down } ac arhosodd { $level } yr un fath.
perf-limits-changed = Newidiodd y terfynau rheoli.
perf-chart-only-title = Heb ei gymryd o'r ffynhonnell.
perf-chart-only-text = Dim ond fel delweddau siart y dangosodd yr adroddiad y rhain, felly ni roddir eu ffigurau yma:
perf-by-report = Fesul adroddiad
perf-one-report = Dim ond un adroddiad sy'n rhoi'r mesur hwn hyd yma.
perf-no-trend-chart = Mae llai na dau o'r adroddiadau yn rhoi un ffigur ar gyfer y mesur hwn, felly nid oes siart.
perf-trend-earlier = Dyma'r { $count } adroddiad diwethaf hyd at yr un hwn; mae <a href="{ $href }">tudalen y mesur hwn</a> yn dangos pob adroddiad, { $earlier } arall.
perf-by-report-caption = { $measure }: y ffigur diweddaraf a'r statws ym mhob adroddiad
perf-draft-suffix = (drafft)
perf-none-given = Dim wedi'i roi
perf-key-points = Pwyntiau allweddol
perf-about-measure = Ynglŷn â'r mesur hwn
perf-priorities-evidenced = { $priorities } y mae'r mesur hwn yn dystiolaeth ar eu cyfer
perf-national-evidenced = Blaenoriaethau plismona cenedlaethol y mae'r mesur hwn yn dystiolaeth ar eu cyfer
report-period = { $start } i { $end }
report-list-title = Adroddiadau
report-page-title = Adroddiad { $title }
report-list-intro = Bob chwarter mae'r Comisiynydd yn adrodd ar berfformiad { $force } yn erbyn mesurau'r cynllun i'r Panel Heddlu a Throseddu. Mae gan bob adroddiad ei dudalennau ei hun, wedi'u cadw fel yr oeddent pan gafodd ei gyhoeddi, er mwyn i chi weld beth ddywedodd pob adroddiad.
report-list-latest = Mae'r <a href="{ $href }">tudalennau perfformiad</a> yn dangos yr un diweddaraf, { $title }.
report-presented-on = Cyflwynwyd i'r Panel Heddlu a Throseddu ar { $date }.
report-not-presented = Heb ei gyflwyno i'r Panel Heddlu a Throseddu eto.
report-figures-for = Ffigurau ar gyfer { $count ->
    [zero] dim mesurau
    [two] { $count } fesur
   *[other] { $count } mesur
}.
report-title = Adroddiad perfformiad { $title }
report-intro = Perfformiad { $force } yn erbyn mesurau'r cynllun ar gyfer { $period }. Mae'r tudalennau hyn yn aros fel y cyhoeddwyd yr adroddiad: mae'r <a href="{ $performance }">tudalennau perfformiad</a> yn dangos y ffigurau diweddaraf, ac mae <a href="{ $reports }">pob adroddiad</a> wedi'i restru.
report-intro-presented = Perfformiad { $force } yn erbyn mesurau'r cynllun ar gyfer { $period }, fel y'i cyflwynwyd i'r Panel Heddlu a Throseddu ar { $presented }. Mae'r tudalennau hyn yn aros fel y cyhoeddwyd yr adroddiad: mae'r <a href="{ $performance }">tudalennau perfformiad</a> yn dangos y ffigurau diweddaraf, ac mae <a href="{ $reports }">pob adroddiad</a> wedi'i restru.
report-previous = Yr adroddiad cyn hwn: <a href="{ $href }">{ $title }</a>.
report-panel-paper = Yr adroddiad hwn fel papur i'r Panel
report-no-figures = Nid yw'r adroddiad hwn yn rhoi ffigurau eto.
report-gives-figures = Mae'r adroddiad yn rhoi ffigurau ar gyfer { $count ->
    [zero] dim mesurau
    [two] { $count } fesur
   *[other] { $count } mesur
}:
report-figure = Ffigur:
revision-lead = Mae'r dudalen hon yn rhestru'r hyn a newidiodd { $draft ->
    [true] yn y fersiwn ddrafft o { $title }
   *[other] yn y fersiwn o { $title }
} a gyhoeddwyd ar { $published }, ers y fersiwn a gyhoeddwyd ar { $since }: eitemau a ychwanegwyd, a dynnwyd, a aileiriwyd neu a symudwyd, a dyddiadau, targedau a ffigurau a newidiwyd.

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

# Downloads' titles and labels: the files made in one language (or none) as each language's pages list them.
downloads-size-bytes = { $bytes } beit
downloads-size-kb = { $kb } KB
downloads-size-mb = { $mb } MB
downloads-seconds = { $count ->
   *[other] { $count } eiliad
}
downloads-minutes = { $count ->
    [two] { $count } funud
   *[other] { $count } munud
}
downloads-hours = { $count ->
   *[other] { $count } awr
}
downloads-duration-two = { $first } { $second }
downloads-content-in = ({ $lang ->
    [cy] Cymraeg
   *[other] Saesneg
})
downloads-braille-title = Fersiwn Braille
# A braille page is at least 20 cells by 4 lines: after those figures the nouns do not mutate.
downloads-braille-label = BRF, Braille Saesneg Unedig gradd 2, { $cells } cell wrth { $lines } llinell, { $pages } { $pages ->
    [one] dudalen
    [two] dudalen
   *[other] tudalen
}, { $size }
downloads-braille-purpose = I'w ddarllen mewn Braille: y cynllun cyfan mewn Braille Saesneg Unedig, gradd 2 (wedi'i gywasgu), fel ffeil BRF y mae boglynwyr Braille yn ei hargraffu a dangosyddion Braille a dyfeisiau gwneud nodiadau yn ei darllen. Mae'r tudalennau'n 40 cell wrth 25 llinell; gellir gwneud maint tudalen arall ar gais.
downloads-audio-title = Gwrando ar y cynllun
downloads-audio-label = { $count } { $count ->
   *[other] recordiad
} MP3, { $duration } i gyd
downloads-audio-purpose = I wrando arno: y cynllun wedi'i ddarllen yn uchel gan lais cyfrifiadur, un recordiad ar gyfer pob rhan o'r cynllun, gyda byrfoddau wedi'u dweud yn llawn a thablau wedi'u darllen fel brawddegau. Chwaraewch nhw ar y dudalen Gwrando ar y cynllun neu lawrlwythwch nhw i unrhyw chwaraewr sain.
downloads-playlist-title = Rhestr chwarae sain
downloads-playlist-label = Rhestr chwarae M3U o { $count } { $count ->
   *[other] ffeil
} MP3, { $size }
downloads-recording-label = MP3, { $duration }, { $size }
downloads-data-performance = Lawrlwytho'r holl ffigurau perfformiad
downloads-data-reports = Lawrlwytho ffigurau pob adroddiad
downloads-data-commitments = Lawrlwytho'r holl ymrwymiadau
downloads-data-json = Lawrlwytho'r cynllun cyfan fel data agored
downloads-data-schema = Lawrlwytho disgrifiad y data agored
downloads-format-schema = Sgema JSON
downloads-file-label = { $format }, { $size }
downloads-paper-standard = Yr adroddiad hwn, print safonol
downloads-paper-large = Yr adroddiad hwn mewn print bras, { $size } pwynt
