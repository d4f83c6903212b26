import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, ProgressBar, Tab, TabList, tokens } from '@fluentui/react-components';
import { FolderOpenRegular, LockClosedRegular, SaveRegular } from '@fluentui/react-icons';
import type { SheetGrid } from '../core/model/workbook';
import { browser } from '../i18n/zh-CN/browser';
import { ui } from '../i18n/zh-CN/ui';
import { Pane } from '../pane/Pane';
import type { PaneServices } from '../pane/services';
import type { Stage } from './protocol';
import type { SheetInfo } from './workbookFile';
import { BrowserHost } from './host';
import { workerChannel } from './spawnWorker';
import { SheetView, type Target } from './SheetView';
import { Welcome } from './Welcome';
import { DEMO_FILE, DEMO_URL } from './demo';
import { downloadBytes } from './download';
import { ARM_PANE } from '../i18n/zh-CN/arm';
import { useFileDrop } from './useFileDrop';
import { changedAt, type Change } from '../pane/changes';
import { today } from '../pane/actions';

const NARROW = '@media (max-width: 640px)';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    overflow: 'hidden',
    // Beside WPS the page is a narrow pane: one column, the sheet above the findings, the page scrolls.
    [NARROW]: { height: 'auto', minHeight: '100vh', overflow: 'visible' },
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  file: { fontWeight: tokens.fontWeightSemibold, maxWidth: '40ch', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  privacy: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorPaletteGreenForeground1, marginLeft: 'auto' },
  progress: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  progressBar: { width: '160px' },
  notice: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  main: { display: 'flex', flex: 1, minHeight: 0, [NARROW]: { flexDirection: 'column' } },
  sheet: { display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0, [NARROW]: { flex: 'none', height: '45vh' } },
  pane: {
    width: '420px',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    [NARROW]: { width: 'auto', overflowY: 'visible', borderLeft: 'none', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  },
  drop: {
    position: 'fixed',
    inset: 0,
    zIndex: 10,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: tokens.fontSizeBase500,
    color: tokens.colorBrandForeground1,
    backgroundColor: 'rgba(255,255,255,0.9)',
    border: `3px dashed ${tokens.colorBrandStroke1}`,
  },
  hidden: { display: 'none' },
});

type Notice = { intent: 'success' | 'warning' | 'error'; text: string } | null;

interface Doc {
  name: string;
  /** Grows with each file opened: the pane starts afresh. */
  generation: number;
}

const XLSX_TYPES = '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The browser page: open a workbook, see its sheets, and use the pane on it. */
export function App() {
  const s = useStyles();
  const [stage, setStage] = useState<Stage | null>(null);
  const host = useMemo(() => new BrowserHost(workerChannel(setStage)), []);
  const [doc, setDoc] = useState<Doc | null>(null);
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [grid, setGrid] = useState<SheetGrid | null>(null);
  const [target, setTarget] = useState<(Target & { sheet: string }) | null>(null);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  const [changes, setChanges] = useState<readonly Change[]>([]);
  const picker = useRef<HTMLInputElement>(null);
  const mergePicker = useRef<HTMLInputElement>(null);

  const services = useMemo<PaneServices>(
    () => ({
      host,
      check: (g, opts) => host.check(g, opts),
      fillTotals: (g) => host.fillTotals(g),
      traceTotals: (g, sheet, a1) => host.traceTotals(g, sheet, a1),
      mergeFiles: (files, opts) => host.mergeFiles(files, opts),
      // The county workbook is a new file: it is downloaded, the open one stays as it is.
      writeMerged: async (outcome) => {
        const name = browser.mergedFile(outcome.title ?? '');
        downloadBytes(await host.createWorkbook(outcome.workbook!), name);
        return name;
      },
      // The armed workbook is a new file (the open one as saved, plus the checks); it is downloaded.
      armWorkbook: async () => {
        const { bytes, name } = await host.save();
        // Loaded on the click: the page starts without the workbook writer.
        const { armWorkbook } = await import('../io/xlsx/armWorkbook');
        const armed = armWorkbook(bytes).bytes;
        if (!armed) throw new Error(ARM_PANE.nothing);
        downloadBytes(armed, ARM_PANE.fileName(name));
        return ARM_PANE.fileName(name);
      },
      saveWorkbook: async (spec, name) => {
        downloadBytes(await host.createWorkbook(spec), name);
        return name;
      },
      fileBase: () => (host.fileName ?? '').replace(/\.[^.]*$/, ''),
      watchSelection: (listener) => host.onPick(listener),
      showChanges: (list) => {
        setChanges(list);
        const first = list.find((c) => c.ranges.length > 0);
        if (first) void host.selectCell(first.sheet, first.ranges[0]!.split(':')[0]!);
      },
      print: () => window.print(),
    }),
    [host],
  );
  const pick = (sheet: string, cell: string, scroll: boolean) => {
    host.choose(sheet, cell);
    setTarget((t) => ({ sheet, cell, seq: (t?.seq ?? 0) + 1, scroll }));
  };

  const openBytes = useCallback(
    async (bytes: Uint8Array, name: string) => {
      setNotice(null);
      try {
        const list = await host.open(bytes, name);
        setSheets(list);
        setActive((list.find((x) => !x.hidden) ?? list[0])?.name ?? null);
        setGrid(null);
        setTarget(null);
        setChanges([]);
        setDoc((d) => ({ name, generation: (d?.generation ?? 0) + 1 }));
      } catch (e) {
        setNotice({ intent: 'error', text: browser.openFailed(name, reason(e)) });
      }
    },
    [host],
  );

  /** Never lose work: another file replaces this one only when the user says so. */
  const mayReplace = useCallback(() => !host.unsaved || window.confirm(browser.unsavedConfirm(host.fileName ?? '')), [host]);

  /** The county's merge from the welcome page: the merged workbook is downloaded and opened here. */
  const mergeSchools = useCallback(
    async (files: readonly File[]) => {
      if (!mayReplace()) return;
      setNotice(null);
      try {
        const schools = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
        const outcome = await host.mergeFiles(schools, { existingSheets: [], referenceDate: today() });
        const merged = outcome.inputs.filter((i) => i.status === 'merged').length;
        if (!outcome.workbook) {
          setNotice({ intent: 'warning', text: ui.merge.nothingMerged(files.length) });
          return;
        }
        const name = browser.mergedFile(outcome.title ?? '');
        const bytes = await host.createWorkbook(outcome.workbook);
        // The page's copy goes to the worker; the download keeps its own.
        downloadBytes(bytes.slice(), name);
        await openBytes(bytes, name);
        setNotice({ intent: merged < files.length ? 'warning' : 'success', text: browser.mergedOpened(name, merged, files.length) });
      } catch (e) {
        setNotice({ intent: 'error', text: browser.mergeFailed(reason(e)) });
      }
    },
    [host, mayReplace, openBytes],
  );

  /** One file is opened; several dropped at once are the schools' files to merge. */
  const openFiles = useCallback(
    async (files: FileList | null) => {
      const list = [...(files ?? [])];
      if (list.length > 1) return mergeSchools(list);
      const file = list[0];
      if (!file || !mayReplace()) return;
      await openBytes(new Uint8Array(await file.arrayBuffer()), file.name);
    },
    [openBytes, mayReplace, mergeSchools],
  );

  const openDemo = useCallback(async () => {
    if (!mayReplace()) return;
    try {
      const response = await fetch(DEMO_URL);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await openBytes(new Uint8Array(await response.arrayBuffer()), DEMO_FILE);
    } catch (e) {
      setNotice({ intent: 'error', text: browser.demoFailed(reason(e)) });
    }
  }, [openBytes]);

  const save = async () => {
    setNotice(null);
    try {
      const { bytes, name } = await host.save();
      downloadBytes(bytes, name);
      setNotice({ intent: 'success', text: browser.saved(name) });
    } catch (e) {
      setNotice({ intent: 'error', text: browser.saveFailed(reason(e)) });
    }
  };

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!host.unsaved) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [host]);

  useEffect(() => {
    if (new URLSearchParams(window.location.search).get('demo') === '1') void openDemo();
  }, [openDemo]);

  useEffect(() => {
    const offSelect = host.onSelect(({ sheet, cell }) => {
      setActive(sheet);
      setTarget((t) => ({ sheet, cell, seq: (t?.seq ?? 0) + 1, scroll: true }));
    });
    const offChange = host.onChange(() => setVersion((v) => v + 1));
    return () => {
      offSelect();
      offChange();
    };
  }, [host]);

  // The pane's edits can add sheets (审核意见, 附件5): list them again after each.
  useEffect(() => {
    if (!doc || version === 0) return;
    let live = true;
    host.sheets().then((list) => live && setSheets(list), (e: unknown) => live && setNotice({ intent: 'error', text: reason(e) }));
    return () => {
      live = false;
    };
  }, [host, doc, version]);

  useEffect(() => {
    if (!doc || !active) return;
    let live = true;
    host.readSheet(active).then(
      (g) => live && setGrid(g),
      (e: unknown) => live && setNotice({ intent: 'error', text: reason(e) }),
    );
    return () => {
      live = false;
    };
  }, [host, doc, active, version]);

  const dragging = useFileDrop(openFiles);

  const input = (
    <input
      ref={picker}
      className={s.hidden}
      type="file"
      accept={XLSX_TYPES}
      aria-label={browser.pickLabel}
      onChange={(e) => {
        void openFiles(e.currentTarget.files);
        e.currentTarget.value = '';
      }}
    />
  );
  const mergeInput = (
    <input
      ref={mergePicker}
      className={s.hidden}
      type="file"
      multiple
      accept={XLSX_TYPES}
      aria-label={browser.mergePickLabel}
      onChange={(e) => {
        const files = [...(e.currentTarget.files ?? [])];
        e.currentTarget.value = '';
        if (files.length > 0) void mergeSchools(files);
      }}
    />
  );
  const chooseFile = () => picker.current?.click();
  const progress = stage ? (
    <div className={s.progress} role="status">
      <ProgressBar className={s.progressBar} thickness="large" aria-label={browser.progressLabel} />
      <Caption1>{browser.stage[stage]}</Caption1>
    </div>
  ) : null;
  const noticeBar = notice ? (
    <MessageBar className={s.notice} intent={notice.intent}>
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  ) : null;
  const overlay = dragging ? (
    <div className={s.drop}>{browser.dropOverlay}</div>
  ) : null;

  if (!doc) {
    return (
      <>
        {input}
        {mergeInput}
        <Welcome onOpen={chooseFile} onDemo={() => void openDemo()} onMerge={() => mergePicker.current?.click()} busy={stage !== null}>
          {progress}
          {noticeBar}
        </Welcome>
        {overlay}
      </>
    );
  }

  const shownSheets = sheets.filter((x) => !x.hidden || x.name === active);
  return (
    <div className={s.page}>
      {input}
      <header className={s.bar}>
        <Button appearance="primary" icon={<FolderOpenRegular />} onClick={chooseFile}>
          {browser.open}
        </Button>
        <Button icon={<SaveRegular />} onClick={() => void save()} disabled={stage !== null}>
          {browser.save}
        </Button>
        <Body1 className={s.file} title={doc.name} aria-label={browser.fileLabel(doc.name)}>
          {doc.name}
        </Body1>
        {progress}
        <Caption1 className={s.privacy}>
          <LockClosedRegular aria-hidden />
          {browser.privacy}
        </Caption1>
      </header>
      {noticeBar}
      <div className={s.main}>
        <section className={s.sheet} aria-label={browser.sheets}>
          <TabList
            size="small"
            selectedValue={active ?? undefined}
            onTabSelect={(_, d) => {
              setActive(String(d.value));
              pick(String(d.value), 'A1', true);
            }}
            aria-label={browser.sheets}
          >
            {shownSheets.map((x) => (
              <Tab key={x.name} value={x.name}>
                {x.hidden ? browser.hiddenSheet(x.name) : x.name}
              </Tab>
            ))}
          </TabList>
          {grid && grid.name === active ? (
            <SheetView
              key={`${doc.generation}:${grid.name}`}
              grid={grid}
              marks={host.marksOf(grid.name)}
              target={target?.sheet === grid.name ? target : null}
              changed={changedAt(changes, grid.name)}
              onPick={(cell, scroll) => pick(grid.name, cell, scroll)}
            />
          ) : null}
        </section>
        <aside className={s.pane} aria-label={ui.appName}>
          <Pane key={doc.generation} services={services} />
        </aside>
      </div>
      {overlay}
    </div>
  );
}
