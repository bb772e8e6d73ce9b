import type { Catalog } from './en.js';

/** factdesk in Traditional Chinese (Discord locale `zh-TW`). */
export const zhTW: Catalog = {
  'ask.name': '提問',
  'ask.description': '提一個問題：給出回答它的段落，附出處和數據',
  'ask.question.name': '問題',
  'ask.question.description': '你的問題，例如「廣東有多少家高新技術企業？」',
  'ask.share.name': '分享',
  'ask.share.description': '把回答發到頻道裡（預設只有你看得到）',
  'ask.for.name': '發給',
  'ask.for.description': '把回答發到頻道裡給這個人（只提及此人）',
  'figure.name': '數據',
  'figure.description': '快速查一個數據：數值、它衡量什麼、出自哪裡',
  'figure.topic.name': '主題',
  'figure.topic.description': '數據衡量的是什麼，例如「地區生產總值」或「高新技術企業」',
  'figure.share.name': '分享',
  'figure.share.description': '把數據發到頻道裡（預設只有你看得到）',
  'figure.for.name': '發給',
  'figure.for.description': '把數據發到頻道裡給這個人（只提及此人）',
  'sources.name': '來源',
  'sources.description': '列出 factdesk 回答所依據的文件，附日期和數量',
  'help.name': '說明',
  'help.description': 'factdesk 能做什麼，以及每個指令的用法',
  'reload.name': '重新載入',
  'reload.description': '不重新啟動即重新載入知識庫資料夾（需要「管理伺服器」權限）',
  'findInFactdesk.name': '在 factdesk 中尋找',

  'count.document.one': '{{n}} 份文件',
  'count.document.other': '{{n}} 份文件',
  'count.passage.one': '{{n}} 個段落',
  'count.passage.other': '{{n}} 個段落',
  'count.figure.one': '{{n}} 個數據',
  'count.figure.other': '{{n}} 個數據',
  'count.error.one': '{{n}} 個錯誤',
  'count.error.other': '{{n}} 個錯誤',

  'ask.empty': '問我點什麼吧，例如 `/提問 問題: 廣東有多少家高新技術企業？`',
  'figure.empty': '請說出一個主題，例如 `/數據 主題: 地區生產總值`。',
  'notFound.message': '在 {{knowledge}}（{{documents}}）中沒有找到「{{what}}」的答案。{{tries}}',
  'notFound.tries': '\n可以試試這些主題：{{topics}}。',
  'list.quoted': '「{{text}}」',
  'list.separator': '、',
  'answer.sameMetric': '各文件報告的數值（最新的在前）',
  'answer.nextClosest': '相近的數據',

  'button.share': '分享到頻道',
  'button.more': '更多',
  'button.cite': '引用',
  'share.gone': '這個回答已無法分享。請用 `/提問` 再問一次。',
  'more.lost': '我找不到這個問題了。請用 `/提問` 再問一次。',
  'more.none': '沒有更多回答這個問題的段落了。',
  'cite.none': '這則訊息裡沒有可以引用的內容。',
  'findInFactdesk.empty': '這則訊息沒有可以尋找的文字。',
  'audience.for': '給 {{target}}（{{asker}} 提問）：',
  'audience.askedBy': '{{asker}} 提問',

  'help.intro': '我根據 {{knowledge}} 中的 {{documents}}回答問題，並給出它們引用的段落和數據。',
  'help.ask':
    '**/提問** `問題` — 回答你問題的段落，附出處和其中的數據。回答預設只有你看得到；加上 `分享: True` 發給所有人，或用 `發給: @某人` 發給此人。',
  'help.figure': '**/數據** `主題` — 快速查一個數據：數值、它衡量什麼、出自哪一句。輸入時會有提示。',
  'help.sources': '**/來源** — factdesk 回答所依據的文件。',
  'help.findInFactdesk':
    '**在 factdesk 中尋找**（在訊息上按右鍵 → 應用程式）— 在文件中尋找這則訊息；如果它引用了數字，就找出這個數字的出處。',
  'help.buttons':
    '回答下方：**{{share}}** 發給所有人（不提及任何人），**{{more}}** 顯示接下來的段落，**{{cite}}** 給出可貼上的引用。',
  'help.reload': '**/重新載入**（需要「管理伺服器」權限）— 不重新啟動即重新載入文件。',

  'sources.line': '• {{title}}{{meta}}：{{passages}}，{{figures}}',
  'sources.more': '\n……還有 {{n}} 份',
  'sources.title': '{{knowledge}}：{{documents}}',
  'sources.empty': '知識庫資料夾裡還沒有文件。',
  'sources.footer': '{{passages}} · {{figures}} · factdesk',

  'reload.failed': '重新載入失敗；仍在使用先前的知識庫（{{counts}}）。\n{{problems}}',
  'reload.done': '已重新載入：{{counts}}。',
  'reload.problems': '\n{{n}} 個問題，這些檔案已略過：\n{{problems}}',

  'dispatch.unknown': '我不認識這個指令。試試 `/說明` 看看我能做什麼。',
  'dispatch.rateLimited': '你問得太快了！請 {{seconds}} 秒後再試。',
  'dispatch.failed': '抱歉，我這邊出了問題。如果一直這樣，請把這個編號告訴管理員：`{{errorId}}`。',

  'http.nothing': '抱歉，這裡沒有可以顯示的內容。',
  'http.unsupported': '抱歉，我處理不了這類互動。試試 `/說明`。',

  'cli.checked': '{{dir}}：{{documents}}，{{passages}}，{{figures}}；{{errors}}。',
  'cli.wrote':
    '已寫入 {{file}}（{{size}} KiB）：{{documents}}，{{passages}}，{{figures}}，用時 {{ms}} 毫秒。',

  'console.counts': 'factdesk：{{documents}}，{{passages}}，{{figures}}，來自 {{dir}}',
  'console.noToken':
    '本機主控台（未設定 DISCORD_TOKEN）。要連線 Discord，請設定 DISCORD_TOKEN 和 DISCORD_APPLICATION_ID（見 .env.example）。',
  'console.usage':
    '輸入一個問題，或 /提問 <問題>、/數據 <主題>、/來源、/說明（英文指令名也可以）。按 Ctrl+D 離開。',
};
