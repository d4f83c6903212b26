import type { ReactNode } from 'react';
import { Body1, Button, Caption1, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { DocumentTableRegular, FolderOpenRegular, LockClosedRegular, DocumentMultipleRegular } from '@fluentui/react-icons';
import { browser } from '../i18n/zh-CN/browser';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: tokens.spacingHorizontalXL,
    boxSizing: 'border-box',
    '@media (max-width: 640px)': { padding: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  },
  card: {
    maxWidth: '640px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXXL,
    '@media (max-width: 640px)': { padding: tokens.spacingHorizontalL },
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
  },
  privacy: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorPaletteGreenForeground1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3 },
  merge: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalM, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** What a newcomer sees before opening a file: what the page does, that the file stays here, and how to open one. */
export function Welcome({
  onOpen,
  onDemo,
  onMerge,
  busy,
  children,
}: {
  onOpen: () => void;
  onDemo: () => void;
  /** 合并各校工作簿: the county's several files at once. */
  onMerge: () => void;
  busy: boolean;
  children: ReactNode;
}) {
  const s = useStyles();
  return (
    <main className={s.page}>
      <div className={s.card}>
        <Title2 as="h1">{browser.title}</Title2>
        <Body1>{browser.intro}</Body1>
        <Body1 className={s.privacy}>
          <LockClosedRegular aria-hidden />
          {browser.privacy}
        </Body1>
        <div className={s.actions}>
          <Button appearance="primary" size="large" icon={<FolderOpenRegular />} onClick={onOpen} disabled={busy}>
            {browser.open}
          </Button>
          <Button size="large" icon={<DocumentTableRegular />} onClick={onDemo} disabled={busy}>
            {browser.openDemo}
          </Button>
        </div>
        <Caption1 className={s.hint}>{browser.dropHint}</Caption1>
        <div className={s.merge}>
          <Button icon={<DocumentMultipleRegular />} onClick={onMerge} disabled={busy}>
            {browser.merge}
          </Button>
          <Caption1 className={s.hint}>{browser.mergeHint}</Caption1>
        </div>
        {children}
      </div>
    </main>
  );
}
