// The options page's part: the reply templates, whose editor and tone check (Templates.tsx) are a
// chunk of their own (components/lazy-part.tsx): the page's first own items do not wait for them.
import { t } from '../../utils/i18n';
import { lazyPart } from '../lazy-part';
import type { OptionsPart } from '../parts';

const TemplatesSection = lazyPart(() => import('./Templates').then((m) => m.TemplatesSection));

export const replyAssistantOptions: OptionsPart = {
  name: 'reply-assistant',
  Section: (props) => (
    <>
      <h2>{t('optTemplates')}</h2>
      <TemplatesSection {...props} />
    </>
  ),
};
