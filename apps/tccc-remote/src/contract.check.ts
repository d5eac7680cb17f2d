/**
 * Compile-time proof (run by `typecheck`, never bundled) that the real exposed entries satisfy the
 * published contract in contract.d.ts: if an entry changes incompatibly, this file stops compiling.
 */
import type * as ContractAngular from 'tccc_remote/angular';
import type * as ContractDesk from 'tccc_remote/desk';
import type * as ContractComponent from 'tccc_remote/DeskComponent';
import type * as ContractMount from 'tccc_remote/mount';
import type * as RealAngular from './exposes/angular';
import type * as RealDesk from './exposes/desk';
import type * as RealComponent from './exposes/desk-component';
import type * as RealMount from './exposes/mount';

type Satisfies<Contract, Real extends Contract> = Real;

export type DeskEntryChecks = [
  Satisfies<ContractDesk.Desk, RealDesk.Desk>,
  Satisfies<typeof ContractDesk.getDesk, typeof RealDesk.getDesk>,
  Satisfies<typeof ContractDesk.hasPageDesk, typeof RealDesk.hasPageDesk>,
  Satisfies<typeof ContractDesk.interceptPageDesk, typeof RealDesk.interceptPageDesk>,
  Satisfies<ContractDesk.DeskInterception, RealDesk.DeskInterception>,
  Satisfies<ContractDesk.DeskSession, RealDesk.DeskSession>,
  Satisfies<ContractDesk.Lifecycle, RealDesk.Lifecycle>,
  Satisfies<ContractDesk.DeskState, RealDesk.DeskState>,
  Satisfies<ContractDesk.DeskEvent, RealDesk.DeskEvent>,
  Satisfies<ContractDesk.CallLog, RealDesk.CallLog>,
  Satisfies<ContractDesk.DiagnosticsDocument, RealDesk.DiagnosticsDocument>,
  Satisfies<ContractDesk.GetDeskOptions, RealDesk.GetDeskOptions>,
  // Shells pass their options in: the real entry must accept what the contract allows.
  Satisfies<RealDesk.GetDeskOptions, ContractDesk.GetDeskOptions>,
  Satisfies<typeof ContractDesk.setDeskLocale, typeof RealDesk.setDeskLocale>,
  Satisfies<typeof ContractDesk.getDeskLocale, typeof RealDesk.getDeskLocale>,
  Satisfies<typeof ContractDesk.deskLocale$, typeof RealDesk.deskLocale$>,
  Satisfies<ContractDesk.DeskLocale, RealDesk.DeskLocale>,
  Satisfies<RealDesk.DeskLocale, ContractDesk.DeskLocale>,
];

export type MountEntryChecks = [
  Satisfies<typeof ContractMount.mount, typeof RealMount.mount>,
  Satisfies<RealMount.MountOptions, ContractMount.MountOptions>,
];

export type AngularEntryChecks = [
  Satisfies<typeof ContractAngular.provideDesk, typeof RealAngular.provideDesk>,
  Satisfies<RealAngular.ProvideDeskOptions, ContractAngular.ProvideDeskOptions>,
  Satisfies<typeof ContractAngular.deskSignals, typeof RealAngular.deskSignals>,
  Satisfies<typeof ContractAngular.injectDesk, typeof RealAngular.injectDesk>,
];

export type ComponentEntryChecks = [
  Satisfies<ContractComponent.DeskShortcuts, RealComponent.DeskShortcuts>,
  Satisfies<RealComponent.DeskShortcuts, ContractComponent.DeskShortcuts>,
  Satisfies<ContractComponent.ShortcutAction, RealComponent.ShortcutAction>,
  Satisfies<typeof ContractComponent.DEFAULT_SHORTCUTS, typeof RealComponent.DEFAULT_SHORTCUTS>,
];
