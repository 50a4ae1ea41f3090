"""A ministry's press office, made through the product's own services: accounts, posts, results.

Used by scripts/screenshots.py in practice mode (every account talks to the local emulator). It
needs nothing from tests/: accounts, posts and translations go through core.services and
translation.review, publishing through the scheduler's "publish now" path, engagement through
the real poller, language packs through translation.packs.

- Accounts: the ministry's Vietnamese Facebook Page, and X accounts in English, Japanese,
  Ukrainian, Hindi and German (embassies, each in its own time zone).
- Posts written in Vietnamese (one in English) with each account's version written by a person;
  some scheduled over the coming week, some published on the emulator over the last two days
  with engagement read since as the worker reads it, one refused by the platform (a clear reason
  to show), one written in English still waiting for its review.
- An engagement history for the dashboard: four weeks of each account's own posts in its own
  language at varied local hours (:func:`history`), replayed on the emulator's clock and polled
  through the real poller as they aged, so that daily charts and each account's hour-by-weekday
  heatmap have content (the emulator favours its audience's mornings and evenings).
- The composer's draft: a consular announcement (a URL, an @mention, a #hashtag, an image) to
  four accounts, with each variant's human translation; all reviewed but the Japanese one.
- Practice language packs (tiny, real packs with random weights) for every language to and from
  English but one direction, so that the Language packs screen has a "missing pair" to report.
"""

from __future__ import annotations

import math
import random
import struct
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func, select

from connectors.sandbox import Sandbox
from connectors.workspace import audience_owner
from core import queries, timeutil
from core.domain import Account, Post, VariantStatus
from core.services import accounts, drafts, media, posts
from core.store import Store
from core.store.tables import variants
from scheduler.cadence import PollingPolicy

FACEBOOK = "Bộ Ngoại giao Việt Nam"
ENGLISH = "Viet Nam MFA (English)"
JAPANESE = "駐日ベトナム大使館"
UKRAINIAN = "Посольство В'єтнаму в Україні"
HINDI = "भारत में वियतनाम दूतावास"
GERMAN = "Botschaft von Vietnam in Berlin"

#: Where the press office sits (Hà Nội): "today" and the office hours of the sample are its own.
OFFICE_ZONE = "Asia/Ho_Chi_Minh"

#: (name, platform, language, zone, handle without its @, external id)
ACCOUNTS = [
    (FACEBOOK, "facebook", "vi", "Asia/Ho_Chi_Minh", "BoNgoaiGiaoVN", "104857600123456"),
    (ENGLISH, "x", "en", "Asia/Ho_Chi_Minh", "MOFA_VietNam", None),
    (JAPANESE, "x", "ja", "Asia/Tokyo", "VNEmbassyJapan", None),
    (UKRAINIAN, "x", "uk", "Europe/Kyiv", "VNEmbassyUA", None),
    (HINDI, "x", "hi", "Asia/Kolkata", "VNEmbassyIndia", None),
    (GERMAN, "x", "de", "Europe/Berlin", "VNBotschaft", None),
]


@dataclass(frozen=True)
class SamplePost:
    """One post: its text, each account's version, and when it goes (or went)."""

    text: str
    versions: dict[str, str]
    days: int | None = None  # scheduled: days from today, at ``at`` on each account's clock
    at: time = time(9, 0)
    outcome: str = "scheduled"  # scheduled | published | refused | draft
    #: Published: ``(days ago, time in Hà Nội)``, moved a day earlier while that is not an hour past.
    went: tuple[int, time] = (0, time(8, 0))
    source: str = "vi"
    #: A draft's accounts whose version a person has still to review.
    to_review: tuple[str, ...] = ()


POSTS = [
    SamplePost(
        "Bộ trưởng Ngoại giao sẽ thăm chính thức Nhật Bản từ ngày 12 đến 14/3, thúc đẩy hợp tác "
        "thương mại và giao lưu nhân dân. #NgoạiGiao",
        {
            ENGLISH: "The Foreign Minister will pay an official visit to Japan on 12-14 March to deepen trade "
            "and people-to-people ties. #Diplomacy",
            JAPANESE: "外務大臣は3月12日から14日まで日本を公式訪問し、貿易と人的交流の協力を深めます。#外交",
        },
        days=1,
    ),
    SamplePost(
        "Tuần lễ Văn hóa Việt Nam khai mạc tại nhiều thủ đô trên thế giới: ẩm thực, âm nhạc và áo dài. "
        "Mời quý vị tham dự!",
        {
            ENGLISH: "Viet Nam Culture Week opens in capitals around the world: food, music and the ao dai. Join us!",
            JAPANESE: "ベトナム文化週間が世界各地で開幕します。料理、音楽、アオザイをお楽しみください。",
            UKRAINIAN: "Тиждень культури В'єтнаму відкривається у столицях світу: кухня, музика та аозай. Запрошуємо!",
            HINDI: "वियतनाम संस्कृति सप्ताह दुनिया भर की राजधानियों में शुरू हो रहा है: व्यंजन, संगीत और आओ दाई। आप सादर आमंत्रित हैं!",
            GERMAN: "Die vietnamesische Kulturwoche beginnt in Hauptstädten weltweit: Küche, Musik und Ao Dai. "
            "Seien Sie dabei!",
        },
        days=3,
        at=time(10, 0),
    ),
    SamplePost(
        "Thông báo lãnh sự: bộ phận hộ chiếu nghỉ lễ ngày 30/4 và 1/5; hồ sơ khẩn xin liên hệ đường dây nóng.",
        {
            ENGLISH: "Consular notice: the passport desk is closed on 30 April and 1 May; for urgent cases "
            "call the hotline.",
            UKRAINIAN: "Консульське оголошення: паспортний відділ не працює 30 квітня та 1 травня; "
            "у термінових випадках телефонуйте на гарячу лінію.",
            GERMAN: "Konsularischer Hinweis: Die Passstelle ist am 30. April und 1. Mai geschlossen; "
            "in dringenden Fällen rufen Sie die Hotline an.",
        },
        days=5,
        at=time(8, 30),
    ),
    SamplePost(
        "Thứ trưởng Ngoại giao tiếp Đại sứ Ấn Độ, trao đổi về hợp tác giáo dục và du lịch.",
        {
            ENGLISH: "The Deputy Foreign Minister received the Ambassador of India to discuss education "
            "and tourism cooperation.",
            HINDI: "उप विदेश मंत्री ने भारत के राजदूत से मुलाकात की और शिक्षा तथा पर्यटन सहयोग पर चर्चा की।",
        },
        days=2,
        at=time(14, 0),
    ),
    SamplePost(
        "Diễn đàn Thương mại Việt Nam - Ấn Độ - Nhật Bản kết thúc với 12 thỏa thuận hợp tác mới.",
        {
            ENGLISH: "The Viet Nam-India-Japan Trade Forum closed with 12 new cooperation agreements.",
            JAPANESE: "ベトナム・インド・日本貿易フォーラムは、12件の新たな協力協定を結んで閉幕しました。",
            HINDI: "वियतनाम-भारत-जापान व्यापार मंच 12 नए सहयोग समझौतों के साथ संपन्न हुआ।",
        },
        outcome="published",
        went=(2, time(9, 0)),
    ),
    SamplePost(
        "Việt Nam hoan nghênh kết quả vòng đàm phán mới về an ninh lương thực và sẵn sàng đóng góp.",
        {
            ENGLISH: "Viet Nam welcomes the outcome of the new round of talks on food security and stands "
            "ready to contribute.",
            UKRAINIAN: "В'єтнам вітає результати нового раунду переговорів щодо продовольчої безпеки "
            "і готовий долучитися.",
            GERMAN: "Vietnam begrüßt das Ergebnis der neuen Verhandlungsrunde zur Ernährungssicherheit "
            "und ist bereit, seinen Beitrag zu leisten.",
        },
        outcome="published",
        went=(1, time(16, 30)),
    ),
    SamplePost(
        "Người phát ngôn Bộ Ngoại giao: Việt Nam sẵn sàng hỗ trợ công dân tại vùng bị ảnh hưởng bởi bão; "
        "đường dây nóng bảo hộ công dân hoạt động 24/7.",
        {
            ENGLISH: "MFA Spokesperson: Viet Nam stands ready to assist its citizens in the areas hit by the storm; "
            "the citizen protection hotline is open 24/7.",
            JAPANESE: "外務省報道官：ベトナムは台風の被災地域にいる自国民を支援する用意があります。"
            "国民保護ホットラインは24時間対応しています。",
            UKRAINIAN: "Речник МЗС: В'єтнам готовий допомогти своїм громадянам у районах, які постраждали від "
            "шторму; гаряча лінія захисту громадян працює цілодобово.",
            HINDI: "विदेश मंत्रालय के प्रवक्ता: वियतनाम तूफान प्रभावित क्षेत्रों में अपने नागरिकों की सहायता के लिए "
            "तैयार है; नागरिक सुरक्षा हेल्पलाइन 24 घंटे उपलब्ध है।",
        },
        outcome="published",
        went=(0, time(8, 0)),
    ),
    SamplePost(
        "Đại sứ quán tại Berlin tổ chức buổi gặp mặt cộng đồng người Việt nhân dịp Tết.",
        {GERMAN: "Die Botschaft in Berlin lädt die vietnamesische Gemeinschaft zum Neujahrsempfang ein."},
        outcome="refused",
    ),
    SamplePost(
        "Save the date: the Viet Nam Investment Forum opens its registration next week.",
        {
            FACEBOOK: "Xin lưu ý: Diễn đàn Đầu tư Việt Nam sẽ mở đăng ký vào tuần tới.",
            HINDI: "कृपया तिथि नोट करें: वियतनाम निवेश मंच का पंजीकरण अगले सप्ताह शुरू होगा।",
        },
        outcome="draft",
        source="en",
        to_review=(HINDI,),
    ),
]

#: The draft open in the composer: written in Vietnamese, with a link, a mention and a hashtag.
COMPOSER_TEXT = (
    "Bộ Ngoại giao thông báo: từ ngày 1/7, công dân Việt Nam ở nước ngoài có thể nộp hồ sơ cấp và gia hạn "
    "hộ chiếu trực tuyến tại https://lanhsu.mofa.gov.vn/hochieu. Mọi thắc mắc xin gửi @LanhSuVN. #LãnhSự"
)
#: Each account's version, written by a person (the Page posts the Vietnamese text as it is).
COMPOSER_VERSIONS = {
    ENGLISH: "The Ministry of Foreign Affairs announces that from 1 July, Vietnamese citizens abroad can apply "
    "for and renew passports online at https://lanhsu.mofa.gov.vn/hochieu. Questions: @LanhSuVN. #LãnhSự",
    JAPANESE: "外務省のお知らせ：7月1日から、海外在住のベトナム国民は https://lanhsu.mofa.gov.vn/hochieu で"
    "パスポートの申請・更新をオンラインで行えます。お問い合わせは @LanhSuVN へ。#LãnhSự",
    UKRAINIAN: "МЗС повідомляє: з 1 липня громадяни В'єтнаму за кордоном можуть подати документи на оформлення "
    "та продовження паспорта онлайн: https://lanhsu.mofa.gov.vn/hochieu. Запитання: @LanhSuVN. #LãnhSự",
}
COMPOSER_ACCOUNTS = (FACEBOOK, ENGLISH, JAPANESE, UKRAINIAN)
#: The composer's variant a person has still to review (the screenshot shows its tab).
COMPOSER_TO_REVIEW = JAPANESE
COMPOSER_IMAGE_ALT = "Quốc kỳ Việt Nam: nền đỏ, ngôi sao vàng năm cánh"

#: The practice pack left out, so that the Language packs screen reports what is missing.
MISSING_PACK = ("hi", "en")

#: The engagement history: days of each account's own posts before today, and the random seed that
#: makes it the same on every run.
HISTORY_DAYS = 28
HISTORY_SEED = 2026
#: Each account's everyday posts, in its own language; ``{date}`` keeps two days' texts apart (the
#: platforms refuse a second live post with the same text).
ROUTINE = {
    "vi": (
        "Bản tin ngoại giao ngày {date}: các hoạt động đối ngoại nổi bật.",
        "Lịch tiếp công dân ngày {date} tại Bộ Ngoại giao.",
        "Điểm tin hợp tác kinh tế ngày {date}.",
        "Hoạt động của Bộ trưởng Ngoại giao ngày {date} qua ảnh.",
    ),
    "en": (
        "Diplomatic briefing, {date}: the main engagements of the day.",
        "Consular service hours for {date}.",
        "Economic cooperation roundup, {date}.",
        "The Foreign Minister's day in pictures, {date}.",
    ),
    "ja": (
        "外交ブリーフィング（{date}）：本日の主な活動。",
        "領事窓口のご案内（{date}）。",
        "経済協力ニュース（{date}）。",
        "写真で見る外務大臣の一日（{date}）。",
    ),
    "uk": (
        "Дипломатичний брифінг, {date}: головні події дня.",
        "Графік консульського прийому на {date}.",
        "Огляд економічної співпраці, {date}.",
        "День міністра закордонних справ у фотографіях, {date}.",
    ),
    "hi": (
        "राजनयिक ब्रीफिंग, {date}: दिन की मुख्य गतिविधियाँ।",
        "{date} के लिए कांसुलर सेवा का समय।",
        "आर्थिक सहयोग समाचार, {date}।",
        "विदेश मंत्री का दिन तस्वीरों में, {date}।",
    ),
    "de": (
        "Diplomatisches Briefing, {date}: die wichtigsten Termine des Tages.",
        "Sprechzeiten der Konsularabteilung am {date}.",
        "Wirtschaftliche Zusammenarbeit im Überblick, {date}.",
        "Der Tag des Außenministers in Bildern, {date}.",
    ),
}


@dataclass
class Newsroom:
    """What :func:`fill` made, for the caller to show and report."""

    posts: list[Post] = field(default_factory=list)
    published: int = 0
    refused: list[str] = field(default_factory=list)
    #: The variant the platform refused (the queue's screenshot selects it).
    refused_variant: int | None = None
    snapshots: int = 0
    packs: int = 0
    #: The composer's post, and its variant still to review.
    draft_post: Post | None = None
    to_review_variant: int | None = None
    notes: list[str] = field(default_factory=list)


def fill(store: Store, sandbox: Sandbox, *, say: Callable[[str], None] = print) -> Newsroom:
    """Create the accounts, posts, results, engagement history, draft and packs of the sample newsroom."""
    made = Newsroom()
    for name, platform, language, zone, handle, external_id in ACCOUNTS:
        accounts.add_account(
            store,
            name=name,
            platform=platform,
            language=language,
            timezone=zone,
            handle=handle,
            external_id=external_id,
        )
    now = timeutil.now_utc()
    today = timeutil.utc_to_local(now, OFFICE_ZONE).date()
    published: list[tuple[datetime, Post]] = []
    refused: list[Post] = []
    for sample in POSTS:
        post = _create(store, sample, today)
        made.posts.append(post)
        if sample.outcome == "published":
            published.append((_went(sample, today, now), post))
        elif sample.outcome == "refused":
            refused.append(post)
    for went, post in history(store, today, now):
        made.posts.append(post)
        published.append((went, post))
    made.published, made.snapshots = _publish_and_poll(store, sandbox, published, now)
    for post in refused:
        # The platform refuses the text (a policy answer): the queue explains it and offers what to do.
        sandbox.set_faults("policy:1", times=len(post.variants), path="/2/tweets", method="POST")
        _publish(store, sandbox, post, clock=timeutil.now_utc)
        sandbox.clear_faults()
        for variant in queries.get_post(store, post.id).variants:
            if variant.status is VariantStatus.FAILED:
                made.refused.append(f"{variant.account_name}: {variant.last_error}")
                made.refused_variant = variant.id
    _compose(store, made)
    made.packs = _install_packs(made)
    say(
        f"sample newsroom: {len(ACCOUNTS)} accounts, {len(made.posts)} posts, {made.published} published, "
        f"{len(made.refused)} refused, {made.snapshots} engagement snapshots, {made.packs} practice packs, "
        "a draft in the composer"
    )
    return made


def _create(store: Store, sample: SamplePost, today: date) -> Post:
    if sample.outcome == "refused":
        names = list(sample.versions)  # the embassy's account only
    elif sample.source == "vi":
        names = [FACEBOOK, *sample.versions]
    else:
        names = [name for name, *_rest in ACCOUNTS if name in sample.versions or _language(name) == sample.source]
    at = datetime.combine(today + timedelta(days=sample.days), sample.at) if sample.days is not None else None
    post = posts.create_post(store, text=sample.text, accounts=names, source_language=sample.source, at=at)
    for variant in post.variants:
        version = sample.versions.get(variant.account_name)
        if version is not None:  # the account's own version, written by a person
            posts.edit_variant(
                store,
                variant.id,
                text=version,
                expected_version=variant.version,
                reviewed=variant.account_name not in sample.to_review,
            )
        elif sample.outcome == "draft":  # the text as written, read and approved
            posts.edit_variant(store, variant.id, text=variant.text, expected_version=variant.version, reviewed=True)
    return queries.get_post(store, post.id)


def _went(sample: SamplePost, today: date, now: datetime) -> datetime:
    """When ``sample`` was published: its day and office hour, at least an hour before ``now``."""
    days, at = sample.went
    local = datetime.combine(today - timedelta(days=days), at)
    instant = timeutil.local_to_utc(local, OFFICE_ZONE)
    while instant > now - timedelta(hours=1):
        local -= timedelta(days=1)
        instant = timeutil.local_to_utc(local, OFFICE_ZONE)
    return instant


def _language(name: str) -> str:
    return next(language for account, _platform, language, *_rest in ACCOUNTS if account == name)


def history(store: Store, today: date, now: datetime) -> list[tuple[datetime, Post]]:
    """Each account's everyday posts over the :data:`HISTORY_DAYS` before ``today``, in its own
    language, at office hours mostly (sometimes early, late or at night), fewer at weekends; returns
    ``(when published, post)``, each at least an hour before ``now``."""
    chance = random.Random(HISTORY_SEED)
    made: list[tuple[datetime, Post]] = []
    for name, _platform, language, zone, *_rest in ACCOUNTS:
        texts = ROUTINE[language]
        for back in range(HISTORY_DAYS, 0, -1):
            day = today - timedelta(days=back)
            count = chance.choice((0, 0, 1) if day.weekday() >= 5 else (0, 1, 1))
            hours = chance.sample(range(6, 23), count)
            if count and chance.random() < 0.1:
                hours[0] = chance.randrange(0, 6)  # a night post now and then: the heatmap shows why not
            for number, hour in enumerate(sorted(hours)):
                local = datetime.combine(day, time(hour, chance.choice((0, 30))))
                instant = timeutil.local_to_utc(local, zone)
                if instant > now - timedelta(hours=1):
                    continue
                text = texts[(back + number) % len(texts)].format(date=day.strftime("%d.%m.%Y"))
                post = posts.create_post(store, text=text, accounts=[name], source_language=language)
                made.append((instant, post))
    return made


def _publish(store: Store, sandbox: Sandbox, post: Post, *, clock: Callable[[], datetime]) -> int:
    """Publish each variant on the emulator, through the worker's claim/record path.

    The emulator is first told where the variant's audience lives: every practice X account posts
    as one X user, so its zone is set again before each post.
    """
    from scheduler import services

    done = 0
    by_id = {account.id: account for account in queries.list_accounts(store)}
    for variant in post.variants:
        _tell_zone(sandbox, by_id[variant.account_id])
        outcome = services.publish_now(store, variant.id, clock=clock)
        done += int(outcome is not None and queries.get_variant(store, variant.id).status is VariantStatus.PUBLISHED)
    return done


def _tell_zone(sandbox: Sandbox, account: Account) -> None:
    owner = audience_owner(account)
    if owner is not None:
        sandbox.set_audience_zone(owner, account.timezone)


#: How often the simulated worker wakes up to read engagement (publishing times are on this grid).
POLL_STEP = timedelta(minutes=30)


#: How the replay's worker polls: less often than the app's worker (hourly at first, then a few
#: readings a day, then every other day for a week), so that four weeks of history replay in seconds.
REPLAY_POLLING = PollingPolicy(
    early_age=timedelta(hours=2),
    early_every=timedelta(hours=1),
    middle_age=timedelta(days=1),
    middle_every=timedelta(hours=6),
    late_every=timedelta(days=2),
)


def _publish_and_poll(
    store: Store, sandbox: Sandbox, published: list[tuple[datetime, Post]], now: datetime
) -> tuple[int, int]:
    """Replay the past weeks: publish each post at its time and poll as the worker would have since.

    The emulator's clock is set to the first post's time and moves with the replay, so that each
    post is published at its own local hour (which the emulator's audience cares about) and its
    likes and views grow with its own age; returns ``(variants published, engagement snapshots
    written)``. Rounds where nothing is due are skipped.
    """
    from scheduler.connections import ConnectorPool, default_factory
    from scheduler.events import EventBus
    from scheduler.poller import Poller

    if not published:
        return 0, 0
    due = sorted(published, key=lambda item: item[0])
    moment = due[0][0]
    sandbox.set_time(moment.timestamp())
    poller = Poller(
        store, ConnectorPool(store, default_factory), clock=lambda: moment, bus=EventBus(), policy=REPLAY_POLLING
    )
    done = written = 0
    while moment < now:
        while due and due[0][0] <= moment:
            at, post = due.pop(0)
            done += _publish(store, sandbox, post, clock=_at(at))
        written += poller.poll_due().polled
        upcoming = min(moment + POLL_STEP, now)
        wake = _next_wake(store, due[0][0] if due else None)
        if wake is not None and wake > upcoming:
            # Nothing is due before ``wake``: jump there on the grid, as the worker sleeps until then.
            steps = math.ceil((min(wake, now) - moment) / POLL_STEP)
            upcoming = min(moment + steps * POLL_STEP, now)
        sandbox.advance((upcoming - moment).total_seconds())  # likes and views grow with the emulator's clock
        moment = upcoming
    return done, written


def _next_wake(store: Store, publish_at: datetime | None) -> datetime | None:
    """The next publishing time or poll due, whichever comes first; ``None`` when nothing more is."""
    with store.read() as conn:
        poll_at = conn.execute(
            select(func.min(variants.c.next_poll_at)).where(variants.c.status == VariantStatus.PUBLISHED.value)
        ).scalar()
    wakes = [when for when in (publish_at, poll_at) if when is not None]
    return min(wakes) if wakes else None


def _at(instant: datetime) -> Callable[[], datetime]:
    """A clock stopped at ``instant``."""
    return lambda: instant


def _compose(store: Store, made: Newsroom) -> None:
    """The composer's draft, as a person leaves it: translated by hand, one variant still to review.

    Saved as the composer saves it (:mod:`core.services.drafts`), made into a post as "Translate"
    does, then each version stored as a person's correction (:func:`translation.review.correct_variant`,
    against the version just read), so the composer reopens it where it was left.
    """
    from translation import review

    by_name = {account.name: account.id for account in queries.list_accounts(store)}
    with tempfile.TemporaryDirectory(prefix="communique-sample-") as folder:
        image = Path(folder) / "quoc-ky.png"
        image.write_bytes(_flag_png())
        # Copied into the media folder first, as the composer does with a file dropped on it.
        kept = media.prepare_files([(str(image), COMPOSER_IMAGE_ALT)])[0]
    content = drafts.DraftContent(
        COMPOSER_TEXT,
        "vi",
        tuple(by_name[name] for name in COMPOSER_ACCOUNTS),
        (drafts.DraftMedia(str(kept.path), COMPOSER_IMAGE_ALT),),
    )
    saved = drafts.save_draft(store, None, content)
    post = drafts.post_for_draft(store, saved.draft.id).post
    assert post is not None
    for variant in post.variants:
        current = queries.get_variant(store, variant.id)
        version = COMPOSER_VERSIONS.get(variant.account_name)
        if version is None:  # the Page posts the text as written: read and approved
            posts.edit_variant(store, variant.id, text=current.text, expected_version=current.version, reviewed=True)
            continue
        review.correct_variant(
            store,
            variant.id,
            version,
            expected_version=current.version,
            reviewed=variant.account_name != COMPOSER_TO_REVIEW,
        )
        if variant.account_name == COMPOSER_TO_REVIEW:
            made.to_review_variant = variant.id
    made.draft_post = queries.get_post(store, post.id)


def _install_packs(made: Newsroom) -> int:
    """Practice packs to and from English for every language in use, but :data:`MISSING_PACK`."""
    from translation import packs, practice_packs

    codes = {language for _name, _platform, language, *_rest in ACCOUNTS}
    installed = {(p.from_code, p.to_code) for p in packs.list_packs()}
    wanted = [pair for pair in practice_packs.pairs_for(codes) if pair != MISSING_PACK and pair not in installed]
    with tempfile.TemporaryDirectory(prefix="communique-practice-") as scratch:
        for number, (source, target) in enumerate(wanted):
            archive = practice_packs.build_practice_pack(Path(scratch) / str(number), source, target)
            packs.install_pack(archive, expected=(source, target))
    made.notes.append(
        f"practice language packs (random weights: gibberish by design) for every pair but "
        f"{MISSING_PACK[0]} -> {MISSING_PACK[1]}; every variant's text was written by a person"
    )
    return len(wanted)


# --- the image attached to the draft ---------------------------------------------------------------


def _flag_png(width: int = 300, height: int = 200) -> bytes:
    """Viet Nam's flag (a yellow five-pointed star on red) as a PNG, without any imaging library."""
    cx, cy, outer = width / 2, height / 2, height * 0.3
    inner = outer * 0.382
    star = []
    for k in range(10):
        angle = -math.pi / 2 + k * math.pi / 5
        radius = outer if k % 2 == 0 else inner
        star.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # no filter
        for x in range(width):
            rows += b"\xff\xff\x00" if _inside(star, x + 0.5, y + 0.5) else b"\xda\x25\x1d"

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def _inside(polygon: list[tuple[float, float]], x: float, y: float) -> bool:
    """Whether ``(x, y)`` is inside ``polygon`` (even-odd rule)."""
    inside = False
    previous = polygon[-1]
    for point in polygon:
        (x1, y1), (x2, y2) = previous, point
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        previous = point
    return inside
