import { contextBridge, ipcRenderer } from 'electron';

// Exactly one function crosses the bridge. The main process checks who called and validates the input.
contextBridge.exposeInMainWorld('redress', {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke('redress:invoke', name, input),
});
