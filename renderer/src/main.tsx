import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
// Balinese script (aksara Bali) renders on every laptop, installed fonts or not.
import '@fontsource/noto-sans-balinese/balinese-400.css';
import '@fontsource/noto-sans-balinese/balinese-700.css';
import './styles.css';
import './i18n';
import { App } from './App';

const theme = createTheme({ primaryColor: 'teal', defaultRadius: 'sm', fontFamily: 'system-ui, "Segoe UI", "Noto Sans", "Noto Sans Balinese", sans-serif' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="bottom-right" />
      <App />
    </MantineProvider>
  </StrictMode>,
);
