// The way to the «Поставки» page: a line in the popup (below its today list, where items running
// out before a supply could arrive are listed, with today's orders in the shop) and in the options page.
import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import type { OptionsPart, PopupPart, PopupPartProps } from '../parts';
import { StockOutSoonTasks } from './popup';
import { ShopToday } from './ShopToday';

function SuppliesLink() {
  return (
    <p className="lupa-supplies-link">
      <a data-lupa="supplies-link" href={browser.runtime.getURL('/supplies.html')} target="_blank" rel="noreferrer">
        {t('suppliesLink')}
      </a>
    </p>
  );
}

function PopupSection(props: PopupPartProps) {
  return (
    <>
      <ShopToday {...props} />
      <SuppliesLink />
    </>
  );
}

export const suppliesPopup: PopupPart = { name: 'supplies', Tasks: StockOutSoonTasks, Section: PopupSection };
export const suppliesOptions: OptionsPart = { name: 'supplies', Section: SuppliesLink };
