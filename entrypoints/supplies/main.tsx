// The «Поставки» page (supplies.html, linked from the popup and the options page): the supplies
// feature's page, built with the feature (scripts/without-feature.mjs leaves it out with it).
import '../../utils/zod-setup';
import '../../components/lupa.css';
import './supplies.css';
import { createRoot } from 'react-dom/client';
import { SuppliesPage } from '../../components/supplies/Page';

const root = document.getElementById('root');
if (root) createRoot(root).render(<SuppliesPage />);
