"""Comments and replies on emulated posts: an audience that writes in six languages, edits and deletes.

Every published post gets a *crowd*: comments that arrive over the hours after publishing, as
on a real account (most in the first hours, a few later), deterministic from the post id and
its publishing time like the engagement curve (:mod:`connectors.sandbox.curve`), so that two
reads at the same emulator time agree and a later read only adds. The crowd writes mostly in
the language of the post's audience zone (Tokyo: Japanese, Kyiv: Ukrainian...), some in the
other five of Vietnamese, English, Japanese, German, Hindi and Ukrainian; about a quarter of
the comments answer an earlier one; some are edited a while after (X: the edit is a new post
id, listed in ``edit_history_tweet_ids``; Facebook: the same id with a changed message) and
some deleted (gone from every later answer).

Tests add their own comments (:meth:`CommentBook.add`, ``edit``, ``delete``) and may silence the
crowd (:meth:`CommentBook.set_crowd`) to count exactly. Nothing here touches the network: the
routes (:mod:`connectors.sandbox.graph_comments`, :mod:`connectors.sandbox.x_search`) read it.
"""

from __future__ import annotations

import random
import threading
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from connectors.sandbox import curve

if TYPE_CHECKING:
    from connectors.sandbox.state import PostRecord

#: X's snowflake epoch in milliseconds (a comment's id on X holds its creation time, as a post's does).
SNOWFLAKE_EPOCH_MS = 1288834974657
LANGUAGES = ("vi", "en", "ja", "de", "hi", "uk")
#: The language most of an audience writes in, by its zone (an unknown zone: any of the six).
ZONE_LANGUAGES = {
    "Asia/Ho_Chi_Minh": "vi",
    "Asia/Saigon": "vi",
    "Asia/Tokyo": "ja",
    "Europe/Berlin": "de",
    "Europe/Vienna": "de",
    "Europe/Zurich": "de",
    "Asia/Kolkata": "hi",
    "Asia/Calcutta": "hi",
    "Europe/Kyiv": "uk",
    "Europe/Kiev": "uk",
    "Europe/London": "en",
    "America/New_York": "en",
    "UTC": "en",
}
#: Share of a crowd that writes in its audience's language; the rest picks any of the six.
HOME_SHARE = 0.6
#: Shares of the crowd's comments that answer an earlier one, are edited later, are deleted later.
REPLY_SHARE, EDIT_SHARE, DELETE_SHARE = 0.25, 0.12, 0.08
#: Mean wait (seconds) from publishing to a crowd comment; the first never comes before a minute.
MEAN_ARRIVAL = 1.5 * 3600.0
FIRST_ARRIVAL = 60.0
LATEST_ARRIVAL = 3 * 86400.0

TEXTS: dict[str, tuple[str, ...]] = {
    "vi": (
        "Cảm ơn thông tin hữu ích!",
        "Rất tự hào về Việt Nam 🇻🇳",
        "Cho em hỏi thủ tục gia hạn hộ chiếu ở đâu ạ?",
        "Chúc mừng hai nước, mong hợp tác ngày càng bền chặt.",
        "Bao giờ có lịch tiếp công dân tháng tới vậy ạ?",
        "Tin vui quá, cảm ơn Bộ đã chia sẻ.",
        "Đường link trong bài không mở được ạ.",
        "Mong sớm có chuyến bay thẳng giữa hai nước.",
    ),
    "en": (
        "Thank you for the update, very helpful.",
        "Congratulations to both countries on this agreement!",
        "When will visa appointments open again?",
        "Is there a recording of the press conference?",
        "The link in the post does not work for me.",
        "Proud to see this cooperation grow.",
        "Will there be an event in London as well?",
        "Great news, looking forward to the festival.",
    ),
    "ja": (
        "情報ありがとうございます。",
        "両国の友好がさらに深まりますように。",
        "ビザの申請はいつ再開されますか？",
        "記者会見の録画はありますか？",
        "投稿のリンクが開けません。",
        "素晴らしいニュースですね！",
        "東京でもイベントはありますか？",
        "来月のフェスティバルを楽しみにしています。",
    ),
    "de": (
        "Danke für die Information, sehr hilfreich.",
        "Herzlichen Glückwunsch zu diesem Abkommen!",
        "Wann kann man wieder Visa-Termine buchen?",
        "Gibt es eine Aufzeichnung der Pressekonferenz?",
        "Der Link im Beitrag funktioniert bei mir nicht.",
        "Schön zu sehen, wie die Zusammenarbeit wächst.",
        "Gibt es auch eine Veranstaltung in Berlin?",
        "Tolle Nachrichten, ich freue mich auf das Fest.",
    ),
    "hi": (
        "जानकारी के लिए धन्यवाद।",
        "दोनों देशों को इस समझौते की बधाई!",
        "वीज़ा के लिए आवेदन फिर से कब शुरू होंगे?",
        "क्या प्रेस कॉन्फ्रेंस की रिकॉर्डिंग उपलब्ध है?",
        "पोस्ट का लिंक मेरे लिए नहीं खुल रहा है।",
        "इस सहयोग को बढ़ते देखकर खुशी हुई।",
        "क्या दिल्ली में भी कोई कार्यक्रम होगा?",
        "बहुत अच्छी खबर, त्योहार का इंतज़ार है।",
    ),
    "uk": (
        "Дякую за інформацію, дуже корисно.",
        "Вітаю обидві країни з цією угодою!",
        "Коли знову можна буде записатися на візу?",
        "Чи є запис пресконференції?",
        "Посилання в дописі в мене не відкривається.",
        "Приємно бачити, як зростає співпраця.",
        "Чи буде захід також у Києві?",
        "Чудова новина, чекаю на фестиваль.",
    ),
}
#: Answers to another comment, in the answered comment's language.
REPLIES: dict[str, tuple[str, ...]] = {
    "vi": ("Mình cũng thắc mắc điều này.", "Đồng ý với bạn!", "Bạn xem trên trang web của Đại sứ quán nhé."),
    "en": ("I have the same question here.", "I agree with you.", "Check the embassy website, it was posted there."),
    "ja": ("私も同じ質問です。", "同感です。", "大使館のウェブサイトに載っていますよ。"),
    "de": ("Das frage ich mich auch.", "Da stimme ich zu.", "Steht auf der Webseite der Botschaft."),
    "hi": ("मेरा भी यही सवाल है।", "मैं आपसे सहमत हूँ।", "दूतावास की वेबसाइट पर जानकारी दी गई है।"),
    "uk": ("У мене те саме питання.", "Згоден з вами.", "Інформація є на сайті посольства."),
}
#: What an edit adds at the end of a comment.
EDIT_NOTES: dict[str, str] = {
    "vi": "(Đã sửa: cảm ơn mọi người đã giải đáp.)",
    "en": "(Edited: found the answer, thanks.)",
    "ja": "（追記：解決しました。ありがとうございます。）",
    "de": "(Nachtrag: hat sich erledigt, danke.)",
    "hi": "(संपादित: जवाब मिल गया, धन्यवाद।)",
    "uk": "(Оновлено: знайшов відповідь, дякую.)",
}
AUTHORS: dict[str, tuple[str, ...]] = {
    "vi": ("Nguyễn Thu Hà", "Trần Minh Đức", "Lê Hoàng Anh", "Phạm Thị Lan"),
    "en": ("Sarah Mitchell", "James O'Connor", "Emily Clarke", "Tom Baker"),
    "ja": ("佐藤 花子", "鈴木 健太", "高橋 美咲", "田中 翔"),
    "de": ("Jonas Weber", "Anna Schmidt", "Lukas Fischer", "Marie Wagner"),
    "hi": ("प्रिया शर्मा", "राहुल वर्मा", "अंजलि गुप्ता", "अमित सिंह"),
    "uk": ("Олена Коваленко", "Андрій Шевченко", "Ірина Бондаренко", "Тарас Мельник"),
}


@dataclass
class Version:
    """One text a comment has had, from ``at`` on. On X each version has its own post id."""

    at: float
    text: str
    id: str


@dataclass
class CommentRecord:
    """A comment (Facebook) or reply (X) on one post, with its whole future: versions, deletion."""

    id: str  # the first id (X: the first of its edit history)
    post_id: str
    platform: str
    author_name: str
    author_id: str
    username: str
    language: str
    created_at: float
    versions: list[Version] = field(default_factory=list)
    parent_id: str | None = None  # the comment it answers; ``None``: the post
    deleted_at: float | None = None
    likes: int = 0  # the likes it ends with; they grow with its age

    def visible(self, now: float) -> bool:
        """Whether the platform shows it at ``now``: written, and not deleted yet."""
        return self.created_at <= now and (self.deleted_at is None or self.deleted_at > now)

    def shown(self, now: float) -> Version:
        """The version shown at ``now`` (the latest one by then)."""
        found = self.versions[0]
        for version in self.versions:
            if version.at <= now:
                found = version
        return found

    def history(self, now: float) -> list[Version]:
        """Every version by ``now``, oldest first."""
        return [v for v in self.versions if v.at <= now] or self.versions[:1]

    def like_count(self, now: float) -> int:
        """Likes at ``now``: most come in the first hours, never fewer later."""
        return int(self.likes * curve.growth(now - self.created_at))


def snowflake(epoch: float, sequence: int) -> str:
    """An X-shaped id for a moment (seconds), ``sequence`` telling apart ids of the same millisecond."""
    return str(((int(epoch * 1000) - SNOWFLAKE_EPOCH_MS) << 22) | (sequence & 0x3FFFFF))


def _author(platform: str, language: str, rng: random.Random) -> tuple[str, str, str]:
    name = rng.choice(AUTHORS[language])
    number = zlib.crc32(name.encode())
    author_id = str((2 * 10**17 if platform == "x" else 10**14) + number)
    return name, author_id, f"{language}_reader_{number % 100000}"


def _comment_id(platform: str, post_id: str, at: float, index: int) -> str:
    if platform == "x":
        return snowflake(at, (zlib.crc32(post_id.encode()) % 4000) * 1000 + index)
    return f"{post_id.split('_')[-1]}_{1_000_000 + index}"


def _written(
    record: PostRecord,
    index: int,
    at: float,
    text: str,
    language: str,
    writer: tuple[str, str, str],
    *,
    parent_id: str | None,
    likes: int,
) -> CommentRecord:
    """Comment number ``index`` on ``record``, written at ``at`` by ``writer`` (name, id, username)."""
    name, author_id, username = writer
    first = _comment_id(record.platform, record.id, at, index)
    return CommentRecord(
        id=first,
        post_id=record.id,
        platform=record.platform,
        author_name=name,
        author_id=author_id,
        username=username,
        language=language,
        created_at=at,
        versions=[Version(at, text, first)],
        parent_id=parent_id,
        likes=likes,
    )


def crowd(record: PostRecord, zone: str) -> list[CommentRecord]:
    """The comments the audience in ``zone`` writes on ``record`` over its life, oldest first.

    The same post id and publishing time always give the same crowd; more popular posts (the
    curve's :func:`~connectors.sandbox.curve.popularity`) get more comments.
    """
    rng = random.Random(zlib.crc32(f"comments:{record.platform}:{record.id}".encode()))
    home = ZONE_LANGUAGES.get(zone) or LANGUAGES[zlib.crc32(record.id.encode()) % len(LANGUAGES)]
    count = int(3 * curve.popularity(record.id)) + rng.randrange(4)
    offsets = sorted(min(LATEST_ARRIVAL, FIRST_ARRIVAL + rng.expovariate(1 / MEAN_ARRIVAL)) for _ in range(count))
    made: list[CommentRecord] = []
    for index, offset in enumerate(offsets):
        created = record.created_at + offset
        parent = rng.choice(made) if made and rng.random() < REPLY_SHARE else None
        if parent is not None:
            language = parent.language
            text = rng.choice(REPLIES[language])
        else:
            language = home if rng.random() < HOME_SHARE else rng.choice(LANGUAGES)
            text = rng.choice(TEXTS[language])
        writer = _author(record.platform, language, rng)
        comment = _written(
            record,
            index,
            created,
            text,
            language,
            writer,
            parent_id=parent.id if parent is not None else None,
            likes=int(rng.expovariate(1 / 6.0)),
        )
        if rng.random() < EDIT_SHARE:
            edited = created + rng.uniform(300, 3000)  # X allows edits within the first hour
            edit_id = comment.id
            if record.platform == "x":
                edit_id = _comment_id(record.platform, record.id, edited, index + 500)
            comment.versions.append(Version(edited, f"{text} {EDIT_NOTES[language]}", edit_id))
        if rng.random() < DELETE_SHARE:
            comment.deleted_at = created + rng.uniform(600, 6 * 3600)
        made.append(comment)
    return made


class UnknownCommentError(LookupError):
    """No comment with that id on the emulator."""


class CommentBook:
    """Every post's comments: the generated crowd and those a test added; thread-safe.

    ``search_refused``: X users whose access level has no search (``GET /2/tweets/search/recent``
    answers the 403 ``client-not-enrolled``).
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._crowds: dict[str, list[CommentRecord]] = {}
        self._added: dict[str, list[CommentRecord]] = {}
        self._counter = 0
        self.crowd_on = True
        self.search_refused: set[str] = set()

    def set_crowd(self, on: bool) -> None:
        """Let the generated audience comment (the default), or keep to the comments added by hand."""
        with self._lock:
            self.crowd_on = on

    def set_search_access(self, user: str, allowed: bool) -> None:
        """Give X user ``user`` an access level with search (the default) or one without."""
        with self._lock:
            (self.search_refused.discard if allowed else self.search_refused.add)(user)

    def search_allowed(self, user: str) -> bool:
        """Whether X user ``user``'s access level includes search."""
        with self._lock:
            return user not in self.search_refused

    def on_post(self, record: PostRecord, zone: str) -> list[CommentRecord]:
        """Every comment the post will ever have (visible or not yet), oldest first."""
        with self._lock:
            found = list(self._added.get(record.id, ()))
            if self.crowd_on:
                if record.id not in self._crowds:
                    self._crowds[record.id] = crowd(record, zone)
                found.extend(self._crowds[record.id])
        return sorted(found, key=lambda c: (c.created_at, c.id))

    def visible(self, record: PostRecord, zone: str, now: float) -> list[CommentRecord]:
        """The comments shown on the post at ``now``, oldest first."""
        return [c for c in self.on_post(record, zone) if c.visible(now)]

    def add(
        self,
        record: PostRecord,
        text: str,
        *,
        now: float,
        language: str = "en",
        author: str | None = None,
        parent_id: str | None = None,
        likes: int = 0,
    ) -> CommentRecord:
        """A comment written at ``now`` on ``record`` (or answering ``parent_id`` there)."""
        with self._lock:
            self._counter += 1
            index = 3000 + self._counter
            voice = language if language in AUTHORS else "en"
            name, author_id, username = _author(record.platform, voice, random.Random(index))
            writer = (author if author is not None else name, author_id, username)
            comment = _written(record, index, now, text, language, writer, parent_id=parent_id, likes=likes)
            self._added.setdefault(record.id, []).append(comment)
            return comment

    def find(self, comment_id: str) -> CommentRecord:
        """The comment whose first id (or any version's id) is ``comment_id``."""
        with self._lock:
            for group in (*self._added.values(), *self._crowds.values()):
                for comment in group:
                    if comment.id == comment_id or any(v.id == comment_id for v in comment.versions):
                        return comment
        raise UnknownCommentError(comment_id)

    def edit(self, comment_id: str, text: str, *, now: float) -> str:
        """Change a comment's text at ``now``; returns the id of the new version (X: a new id)."""
        with self._lock:
            comment = self.find(comment_id)
            self._counter += 1
            new_id = _comment_id(comment.platform, comment.post_id, now, 3000 + self._counter)
            version_id = new_id if comment.platform == "x" else comment.id
            comment.versions.append(Version(now, text, version_id))
            return version_id

    def delete(self, comment_id: str, *, now: float) -> None:
        """Delete a comment at ``now``: no later answer shows it."""
        with self._lock:
            self.find(comment_id).deleted_at = now

    def reset(self) -> None:
        """Forget every comment and switch (the crowd back on, search allowed for all)."""
        with self._lock:
            self._crowds.clear()
            self._added.clear()
            self._counter = 0
            self.crowd_on = True
            self.search_refused.clear()


def reply_counts(comments: list[CommentRecord], now: float) -> dict[str, int]:
    """How many of ``comments`` visible at ``now`` answer each comment id."""
    counts: dict[str, int] = {}
    for comment in comments:
        if comment.parent_id is not None and comment.visible(now):
            counts[comment.parent_id] = counts.get(comment.parent_id, 0) + 1
    return counts
